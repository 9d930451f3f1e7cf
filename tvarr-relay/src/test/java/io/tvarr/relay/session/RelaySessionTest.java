package io.tvarr.relay.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.source.SourceId;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RelaySessionTest {
    private static final SourceId SOURCE = SourceId.random();
    private static final StreamPlan PLAN = new StreamPlan(
            ChannelId.of(SOURCE, "1"), "One", SOURCE, "Provider", "http://provider.example/1.ts", Map.of(), 0, null);
    /** Not the session's own read size (256 KiB), so the ring is told apart from any other array. */
    private static final int RING_BYTES = 188 * 1000;

    /** An upstream of whole TS packets that notes the length of every array it is asked to read into. */
    private static final class Upstream extends InputStream {
        final Set<Integer> arrays = ConcurrentHashMap.newKeySet();
        private long sent;

        @Override
        public int read() {
            throw new UnsupportedOperationException("the relay reads arrays");
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            arrays.add(target.length);
            int n = Math.min(length, 188 * 7);
            for (int i = 0; i < n; i++) {
                target[offset + i] = (sent + i) % 188 == 0 ? (byte) 0x47 : 0x11;
            }
            sent += n;
            return n;
        }
    }

    private static RelaySession.Upstreams upstreams(Upstream upstream) {
        return new RelaySession.Upstreams() {
            @Override
            public UpstreamOpener opener(StreamPlan stream) {
                return plan -> upstream;
            }

            @Override
            public void connected(StreamPlan stream) {}

            @Override
            public void failed(StreamPlan stream) {}

            @Override
            public void released(StreamPlan stream) {}

            @Override
            public int admit(List<StreamPlan> streams, List<Integer> candidates, List<String> refusals) {
                return -1;
            }

            @Override
            public String host(StreamPlan stream) {
                return "provider.example";
            }
        };
    }

    @Test
    void the_upstream_is_read_straight_into_the_ring_buffer_and_clients_get_whole_packets() {
        Upstream upstream = new Upstream();
        RelaySession session = new RelaySession(List.of(PLAN), 0, "provider.example", RING_BYTES, Clock.systemUTC());
        StreamSubscription client = session.join(new ClientInfo("192.0.2.1", "VLC"), 0, c -> {});
        session.start(upstreams(upstream), () -> {});
        byte[] buffer = new byte[188 * 3];
        long total = 0;

        while (total < 4L * RING_BYTES) {
            int n = client.read(buffer);
            assertThat(buffer[0]).as("a packet's sync byte at " + total).isEqualTo((byte) 0x47);
            assertThat(n % 188).as("whole packets").isZero();
            total += n;
        }
        session.stop(null);
        client.close();

        assertThat(upstream.arrays)
                .as("lengths of the arrays the upstream was read into")
                .containsOnly(RING_BYTES);
    }
}
