package io.tvarr.domain.relay.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.proxy.TunerDeviceId;
import io.tvarr.domain.proxy.port.in.DescribeTunerUseCase;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.InMemoryConnectionLeases;
import io.tvarr.domain.relay.TunerStatus;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.Playback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TunerLimitedPlaybackTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.2", "PlexMediaServer");
    private static final ProxyId LIVING_ROOM = ProxyId.random();
    private static final ProxyId BEDROOM = ProxyId.random();

    private final List<Runnable> duringTransfer = new ArrayList<>();
    /** Whether the fake stream writes again after {@link #duringTransfer} ran. */
    private boolean writeAfter;

    private final TunerLimitedPlayback playback = new TunerLimitedPlayback(
            command -> new FakeStream(),
            new Devices(Map.of("living-room", device(LIVING_ROOM, 1), "bedroom", device(BEDROOM, 1))));

    @Nested
    class Tuner_requests {
        @Test
        void a_second_tune_while_the_only_tuner_streams_is_refused_as_all_tuners_in_use() throws IOException {
            Playback.Stream first = stream(tune("living-room"));
            Playback.Stream second = stream(tune("living-room"));
            Exception[] refused = new Exception[1];
            duringTransfer.add(() -> refused[0] = transferFailure(second));

            first.transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(refused[0])
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("HDHomeRun device of proxy 'living-room': all 1 tuner(s) in use");
        }

        @Test
        void the_tuner_is_free_again_once_the_stream_ended() throws IOException {
            stream(tune("living-room")).transferTo(new ByteArrayOutputStream(), () -> {});

            stream(tune("living-room")).transferTo(new ByteArrayOutputStream(), () -> {});
        }

        @Test
        void the_tuner_is_free_again_when_the_client_hung_up() throws IOException {
            Playback.Stream first = stream(tune("living-room"));
            assertThatThrownBy(() -> first.transferTo(new HungUp(), () -> {})).isInstanceOf(IOException.class);

            stream(tune("living-room")).transferTo(new ByteArrayOutputStream(), () -> {});
        }

        @Test
        void each_device_counts_its_own_tuners() throws IOException {
            Playback.Stream first = stream(tune("living-room"));
            Playback.Stream other = stream(tune("bedroom"));
            Exception[] failure = {new IllegalStateException("not run")};
            duringTransfer.add(() -> failure[0] = transferFailure(other));

            first.transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(failure[0]).isNull();
        }

        @Test
        void a_head_request_holds_no_tuner() throws IOException {
            stream(tune("living-room"));

            stream(tune("living-room")).transferTo(new ByteArrayOutputStream(), () -> {});
        }
    }

    @Nested
    class Tuner_status {
        @Test
        void every_tuner_is_listed_idle_when_nothing_streams() {
            assertThat(playback.status("living-room")).containsExactly(new TunerStatus("tuner0", null, null));
        }

        @Test
        void a_streaming_tuner_names_its_channel_and_client_and_is_idle_again_after() throws IOException {
            List<List<TunerStatus>> seen = new ArrayList<>();
            duringTransfer.add(() -> seen.add(playback.status("living-room")));

            stream(tune("living-room")).transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(seen).containsExactly(List.of(new TunerStatus("tuner0", "c", "10.0.0.2")));
            assertThat(playback.status("living-room")).containsExactly(new TunerStatus("tuner0", null, null));
        }

        @Test
        void each_device_shows_only_its_own_tuners() throws IOException {
            List<List<TunerStatus>> seen = new ArrayList<>();
            duringTransfer.add(() -> seen.add(playback.status("bedroom")));

            stream(tune("living-room")).transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(seen).containsExactly(List.of(new TunerStatus("tuner0", null, null)));
        }
    }

    @Nested
    class Across_instances {
        private final InMemoryConnectionLeases leases = new InMemoryConnectionLeases();
        private final java.time.Clock clock =
                java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        private final SharedConnectionLimits limitsOfA =
                new SharedConnectionLimits(leases, "a", java.time.Duration.ofSeconds(60), clock);
        private final TunerLimitedPlayback a = instance(limitsOfA);
        private final TunerLimitedPlayback b =
                instance(new SharedConnectionLimits(leases, "b", java.time.Duration.ofSeconds(60), clock));

        private TunerLimitedPlayback instance(SharedConnectionLimits limits) {
            return new TunerLimitedPlayback(
                    command -> new FakeStream(), new Devices(Map.of("living-room", device(LIVING_ROOM, 1))), limits);
        }

        private Playback.Stream tuneOn(TunerLimitedPlayback instance) {
            return stream(instance.play(new PlayChannelCommand("living-room", "c", CLIENT, true)));
        }

        @Test
        void the_only_tuner_streaming_on_one_instance_refuses_a_tune_on_another_and_shows_there() throws IOException {
            Playback.Stream onB = tuneOn(b);
            Exception[] refused = new Exception[1];
            List<List<TunerStatus>> seenOnB = new ArrayList<>();
            duringTransfer.add(() -> {
                refused[0] = transferFailure(onB);
                seenOnB.add(b.status("living-room"));
            });

            tuneOn(a).transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(refused[0])
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("HDHomeRun device of proxy 'living-room': all 1 tuner(s) in use across tvarr's"
                            + " instances (held by a)");
            assertThat(seenOnB).containsExactly(List.of(new TunerStatus("tuner0", "c", "10.0.0.2")));
            assertThat(b.status("living-room")).containsExactly(new TunerStatus("tuner0", null, null));
        }

        @Test
        void a_stream_whose_tuner_another_instance_took_over_is_ended() {
            duringTransfer.add(() -> {
                leases.takeOver("a", "b", clock.instant().plusSeconds(600));
                limitsOfA.heartbeat();
            });
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            writeAfter = true;

            assertThatThrownBy(() -> tuneOn(a).transferTo(received, () -> {}))
                    .isInstanceOf(IOException.class)
                    .hasMessage("HDHomeRun device of proxy 'living-room': stream ended, its tuner is held by another"
                            + " tvarr instance now");
            assertThat(received.size()).isEqualTo(188);
        }
    }

    @Test
    void playlist_requests_take_no_tuner() throws IOException {
        Playback.Stream first = stream(tune("living-room"));
        Playback.Stream playlist = stream(playback.play(new PlayChannelCommand("living-room", "c", CLIENT)));
        Exception[] failure = {new IllegalStateException("not run")};
        duringTransfer.add(() -> failure[0] = transferFailure(playlist));

        first.transferTo(new ByteArrayOutputStream(), () -> {});

        assertThat(failure[0]).isNull();
    }

    private Playback tune(String proxy) {
        return playback.play(new PlayChannelCommand(proxy, "c", CLIENT, true));
    }

    private static Playback.Stream stream(Playback playback) {
        return (Playback.Stream) playback;
    }

    private static Exception transferFailure(Playback.Stream stream) {
        try {
            stream.transferTo(new ByteArrayOutputStream(), () -> {});
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static TunerDevice device(ProxyId proxy, int tuners) {
        return new TunerDevice(
                proxy, "Living room", TunerDeviceId.of(proxy), "auth", "http://tvarr:8080/hdhr/x", tuners);
    }

    private record Devices(Map<String, TunerDevice> bySlug) implements DescribeTunerUseCase {
        @Override
        public TunerDevice describe(String idOrSlug) {
            return bySlug.get(idOrSlug);
        }

        @Override
        public TunerDevice describeDefault() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TunerDevice> describeAll() {
            return List.copyOf(bySlug.values());
        }
    }

    private final class FakeStream implements Playback.Stream {
        @Override
        public String contentType() {
            return "video/mp2t";
        }

        @Override
        public void transferTo(OutputStream out, Runnable beforeFirstBytes) throws IOException {
            beforeFirstBytes.run();
            out.write(new byte[188]);
            List<Runnable> pending = new ArrayList<>(duringTransfer);
            duringTransfer.clear();
            pending.forEach(Runnable::run);
            if (writeAfter) {
                out.write(new byte[188]);
            }
        }
    }

    private static final class HungUp extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }
    }
}
