package io.tvarr.relay.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TsSpliceTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final TsSplice splice = new TsSplice(188 * 100);

    private void write(byte[] bytes) throws InterruptedException {
        splice.write(bytes, 0, bytes.length, out::write);
    }

    /** A packet of {@code pid} with counter {@code cc}, with an adaptation field when asked. */
    private static byte[] packet(int pid, int cc, boolean adaptation) {
        byte[] p = new byte[188];
        p[0] = 0x47;
        p[1] = (byte) (pid >> 8);
        p[2] = (byte) pid;
        p[3] = (byte) ((adaptation ? 0x30 : 0x10) | cc);
        if (adaptation) {
            p[4] = 7;
            p[5] = 0x10;
        }
        return p;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private byte[] sent(int index) {
        byte[] all = out.toByteArray();
        byte[] p = new byte[188];
        System.arraycopy(all, index * 188, p, 0, 188);
        return p;
    }

    @Nested
    class Before_any_switch {
        @Test
        void bytes_pass_unchanged_even_when_split_mid_packet() throws InterruptedException {
            byte[] stream = concat(packet(0, 3, false), packet(256, 9, true), packet(257, 1, false));

            splice.write(stream, 0, 100, out::write);
            splice.write(stream, 100, stream.length - 100, out::write);

            assertThat(out.toByteArray()).isEqualTo(stream);
        }
    }

    @Nested
    class In_place {
        /** Writes {@code bytes} in place, {@code read} bytes at a time, as the session does into its ring. */
        private byte[] throughRegions(TsSplice splice, byte[] bytes, int read) {
            ByteArrayOutputStream ready = new ByteArrayOutputStream();
            byte[] region = new byte[read + 188];
            int from = 0;
            while (from < bytes.length) {
                int held = splice.drainPending(region, 0);
                int n = Math.min(read, bytes.length - from);
                System.arraycopy(bytes, from, region, held, n);
                from += n;
                ready.write(region, 0, splice.writeInPlace(region, 0, held + n));
            }
            return ready.toByteArray();
        }

        @Test
        void gives_what_write_gives_with_packets_cut_across_reads() throws InterruptedException {
            byte[] stream = concat(packet(0, 3, false), packet(256, 9, true), new byte[] {1, 2}, packet(257, 1, false));
            splice.write(stream.clone(), 0, stream.length, out::write);

            byte[] inPlace = throughRegions(new TsSplice(188 * 100), stream.clone(), 100);

            assertThat(inPlace).isEqualTo(out.toByteArray());
        }

        @Test
        void carries_continuity_counters_on_once_the_new_upstreams_pat_came() throws InterruptedException {
            write(concat(packet(0, 4, false), packet(256, 11, false)));
            splice.switched();
            write(packet(0, 9, false));
            assertThat(splice.inPlace()).as("the PAT came").isTrue();

            byte[] ready = throughRegions(splice, concat(packet(256, 2, false), packet(256, 3, false)), 150);

            assertThat(ready[3] & 0x0F).isEqualTo(12);
            assertThat(ready[188 + 3] & 0x0F).isEqualTo(13);
        }

        @Test
        void is_not_offered_while_a_new_upstream_awaits_its_pat() {
            splice.switched();

            assertThat(splice.inPlace()).isFalse();
        }
    }

    @Nested
    class After_a_switch {
        @Test
        void the_new_upstream_starts_at_its_pat() throws InterruptedException {
            write(concat(packet(0, 0, false), packet(256, 0, false)));
            splice.switched();

            write(concat(new byte[] {1, 2, 3}, packet(256, 5, false), packet(0, 7, false), packet(4096, 2, false)));

            assertThat(out.size()).isEqualTo(4 * 188);
            assertThat(sent(2)[2])
                    .as("pid of the first packet after the switch")
                    .isEqualTo((byte) 0);
        }

        @Test
        void continuity_counters_carry_on_from_the_last_packet_sent() throws InterruptedException {
            write(concat(packet(0, 4, false), packet(256, 11, false)));
            splice.switched();

            write(concat(packet(0, 9, false), packet(256, 2, false), packet(256, 3, false)));

            assertThat(sent(2)[3] & 0x0F).isEqualTo(5);
            assertThat(sent(3)[3] & 0x0F).isEqualTo(12);
            assertThat(sent(4)[3] & 0x0F).isEqualTo(13);
        }

        @Test
        void the_first_adaptation_field_of_each_pid_says_discontinuity() throws InterruptedException {
            write(concat(packet(0, 0, false), packet(256, 0, true)));
            splice.switched();

            write(concat(packet(0, 0, false), packet(256, 0, true), packet(256, 1, true)));

            assertThat(sent(1)[5] & 0x80).as("before the switch").isZero();
            assertThat(sent(3)[5] & 0x80).isEqualTo(0x80);
            assertThat(sent(4)[5] & 0x80).as("only the first").isZero();
        }

        @Test
        void an_upstream_without_a_pat_is_passed_on_after_the_search_limit() throws InterruptedException {
            splice.switched();
            byte[] many = new byte[0];
            for (int i = 0; i < 150; i++) {
                many = concat(many, packet(300, i & 0x0F, false));
            }

            write(many);

            assertThat(out.size()).isEqualTo(50 * 188);
        }
    }
}
