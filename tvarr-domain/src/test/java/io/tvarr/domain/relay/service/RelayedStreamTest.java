package io.tvarr.domain.relay.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.port.out.StreamRelay;
import io.tvarr.domain.source.SourceId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RelayedStreamTest {
    private static final SourceId SOURCE = SourceId.random();
    private static final StreamPlan PLAN = new StreamPlan(
            ChannelId.of(SOURCE, "1"), "One", SOURCE, "Provider", "http://provider.example/1.ts", Map.of(), 0, null);
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.7", "VLC");

    private final ScriptedRelay relay = new ScriptedRelay();
    private final List<String> events = new ArrayList<>();

    private RelayedStream stream() {
        return new RelayedStream(relay, FailoverStreams.of(PLAN), CLIENT);
    }

    @Test
    void opens_nothing_until_the_bytes_are_asked_for() {
        stream();

        assertThat(relay.subscribed).isZero();
    }

    @Test
    void commits_before_the_first_bytes_copies_them_all_and_leaves_the_session() throws IOException {
        relay.chunks("ab", "cd");
        Recording out = new Recording();

        stream().transferTo(out, () -> events.add("commit"));

        assertThat(events).containsExactly("commit", "write ab", "write cd", "leave");
        assertThat(out.bytes.toString()).isEqualTo("abcd");
    }

    @Test
    void an_upstream_that_ends_before_sending_anything_is_a_failure_before_the_commit() {
        assertThatThrownBy(() -> stream().transferTo(new Recording(), () -> events.add("commit")))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("ended before sending anything");
        assertThat(events).containsExactly("leave");
    }

    @Test
    void a_refused_upstream_is_thrown_and_nothing_is_committed() {
        relay.refusal = new UnavailableException("source P: 1 of its 1 allowed connection in use", 0);

        assertThatThrownBy(() -> stream().transferTo(new Recording(), () -> events.add("commit")))
                .isInstanceOf(UnavailableException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void an_upstream_failing_after_the_commit_only_ends_the_copy() throws IOException {
        relay.chunks("ab");
        relay.failure = new UpstreamException("stalled");

        stream().transferTo(new Recording(), () -> events.add("commit"));

        assertThat(events).containsExactly("commit", "write ab", "leave");
    }

    @Test
    void after_the_first_chunk_the_relay_writes_to_the_client_itself() throws IOException {
        relay.chunks("ab", "cd");
        relay.direct = true;
        Recording out = new Recording();

        stream().transferTo(out, () -> events.add("commit"));

        assertThat(events).containsExactly("commit", "write ab", "write cd (direct)", "leave");
    }

    @Test
    void a_client_that_left_is_an_io_failure_and_leaves_the_session() {
        relay.chunks("ab");
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }
        };

        assertThatThrownBy(() -> stream().transferTo(gone, () -> {})).isInstanceOf(IOException.class);
        assertThat(events).containsExactly("leave");
    }

    /** Records each write as an event. */
    private final class Recording extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            events.add("write " + new String(b, off, len, StandardCharsets.US_ASCII));
            bytes.write(b, off, len);
        }
    }

    /** A relay whose one session sends the scripted chunks, then ends or fails. */
    private final class ScriptedRelay implements StreamRelay {
        final Deque<String> chunks = new ArrayDeque<>();
        int subscribed;
        /** Whether the session writes to the client itself, as the relay's does, rather than through read. */
        boolean direct;

        @Nullable
        UnavailableException refusal;

        @Nullable
        UpstreamException failure;

        void chunks(String... values) {
            chunks.addAll(List.of(values));
        }

        @Override
        public StreamSubscription subscribe(FailoverStreams streams, ClientInfo client) {
            if (refusal != null) {
                throw refusal;
            }
            subscribed++;
            return new StreamSubscription() {
                @Override
                public int read(byte[] buffer) {
                    String chunk = chunks.poll();
                    if (chunk == null) {
                        if (failure != null) {
                            throw failure;
                        }
                        return -1;
                    }
                    byte[] bytes = chunk.getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(bytes, 0, buffer, 0, bytes.length);
                    return bytes.length;
                }

                @Override
                public int writeTo(OutputStream out, byte[] buffer) throws IOException {
                    if (!direct) {
                        return StreamSubscription.super.writeTo(out, buffer);
                    }
                    String chunk = chunks.poll();
                    if (chunk == null) {
                        return -1;
                    }
                    byte[] bytes = (chunk + " (direct)").getBytes(StandardCharsets.US_ASCII);
                    out.write(bytes, 0, bytes.length);
                    return bytes.length;
                }

                @Override
                public void close() {
                    events.add("leave");
                }
            };
        }

        @Override
        public List<RelaySessionInfo> sessions() {
            return List.of();
        }

        @Override
        public boolean stop(String sessionId) {
            return false;
        }

        @Override
        public List<UpstreamHealth> upstreams() {
            return List.of(new UpstreamHealth("provider.example", "closed", 1));
        }

        @Override
        public Map<String, Integer> sourceUse() {
            return Map.of(SOURCE.toString(), 1);
        }
    }
}
