package io.tvarr.relay.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RingBufferTest {
    private static final int CAPACITY = 188 * 64;

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Nested
    class Writing_a_reader_out_from_the_buffer {
        @Test
        void hands_the_sink_the_bytes_in_order_across_the_buffers_end() throws Exception {
            RingBuffer ring = new RingBuffer(CAPACITY);
            RingBuffer.Cursor cursor = ring.join(0);
            ring.write(filled(CAPACITY - 100, 1), 0, CAPACITY - 100);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            while (out.size() < CAPACITY - 100) {
                ring.writeTo(cursor, 1 << 20, 1000, out::write);
            }

            ring.write(filled(300, 2), 0, 300);
            out.reset();
            while (out.size() < 300) {
                assertThat(ring.writeTo(cursor, 1 << 20, 1000, out::write)).isPositive();
            }

            assertThat(out.toByteArray()).isEqualTo(filled(300, 2));
        }

        @Test
        void the_writer_waits_instead_of_overwriting_what_the_leading_reader_is_still_writing() throws Exception {
            RingBuffer ring = new RingBuffer(CAPACITY);
            RingBuffer.Cursor cursor = ring.join(0);
            ring.write(filled(CAPACITY, 1), 0, CAPACITY);
            Thread writer = new Thread(() -> {
                try {
                    ring.write(filled(CAPACITY, 2), 0, CAPACITY);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicReference<byte[]> sent = new AtomicReference<>();

            ring.writeTo(cursor, CAPACITY, 1000, (bytes, offset, length) -> {
                writer.start();
                try {
                    // the writer either waits for room (right) or finishes, having overwritten these bytes (wrong)
                    Await.until(
                            () -> ring.writerWaiting() || !writer.isAlive(),
                            Duration.ofSeconds(10),
                            "the writer waits or is done");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                sent.set(Arrays.copyOfRange(bytes, offset, offset + length));
            });

            assertThat(sent.get()).isEqualTo(filled(CAPACITY, 1));
            writer.join(10_000);
            assertThat(writer.isAlive())
                    .as("the writer goes on once the reader moved")
                    .isFalse();
        }

        @Test
        void a_reader_lapped_while_it_wrote_is_cut_off() throws Exception {
            RingBuffer ring = new RingBuffer(CAPACITY);
            RingBuffer.Cursor slow = ring.join(0);
            RingBuffer.Cursor fast = ring.join(0);
            ring.write(filled(CAPACITY / 2, 1), 0, CAPACITY / 2);
            CountDownLatch lapped = new CountDownLatch(1);
            Thread others = new Thread(() -> {
                try {
                    byte[] buffer = new byte[CAPACITY];
                    for (int i = 0; i < 4; i++) {
                        ring.write(filled(CAPACITY / 2, 2), 0, CAPACITY / 2);
                        ring.read(fast, buffer, 1000);
                        ring.read(fast, buffer, 1000);
                    }
                    lapped.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            assertThatThrownBy(() -> ring.writeTo(slow, CAPACITY, 1000, (bytes, offset, length) -> {
                        others.start();
                        try {
                            lapped.await();
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    }))
                    .isInstanceOf(RingBuffer.Behind.class)
                    .hasMessageContaining("behind the live stream");
            others.join(10_000);
        }
    }

    @Nested
    class Without_readers {
        @Test
        void the_writer_waits_a_buffer_past_where_the_last_reader_left() throws Exception {
            RingBuffer ring = new RingBuffer(CAPACITY);
            RingBuffer.Cursor cursor = ring.join(0);
            ring.write(filled(CAPACITY / 2, 1), 0, CAPACITY / 2);
            ring.read(cursor, new byte[CAPACITY], 1000);
            ring.leave(cursor);
            Thread writer = writing(ring, 3 * CAPACITY);

            // an upstream faster than real time is not read on for nobody: it waits for a reader or the end
            Await.until(ring::writerWaiting, Duration.ofSeconds(10), "the writer waiting for room");
            assertThat(ring.written()).isEqualTo(CAPACITY / 2 + CAPACITY);
            ring.end(null);
            writer.join(10_000);
        }

        @Test
        void a_reader_joining_lets_the_writer_on() throws Exception {
            RingBuffer ring = new RingBuffer(CAPACITY);
            Thread writer = writing(ring, 3 * CAPACITY);
            Await.until(ring::writerWaiting, Duration.ofSeconds(10), "the writer waiting for room");

            RingBuffer.Cursor cursor = ring.join(0);

            Await.until(() -> ring.written() > CAPACITY, Duration.ofSeconds(10), "the writer going on");
            ring.leave(cursor);
            ring.end(null);
            writer.join(10_000);
        }

        private Thread writing(RingBuffer ring, int length) {
            Thread writer = new Thread(() -> {
                try {
                    ring.write(filled(length, 2), 0, length);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            writer.setDaemon(true);
            writer.start();
            return writer;
        }
    }

    @Nested
    class Filling_in_place {
        @Test
        void committed_bytes_of_a_claimed_region_reach_the_readers() throws Exception {
            RingBuffer ring = new RingBuffer(CAPACITY);
            RingBuffer.Cursor cursor = ring.join(0);

            int room = ring.claim(1000);
            System.arraycopy(filled(room, 7), 0, ring.array(), ring.claimOffset(), room);
            ring.commit(600);

            byte[] target = new byte[CAPACITY];
            assertThat(ring.read(cursor, target, 1000)).isEqualTo(600);
            assertThat(Arrays.copyOf(target, 600)).isEqualTo(filled(600, 7));
            assertThat(ring.written()).isEqualTo(600);
        }

        @Test
        void a_reader_whose_bytes_a_claim_may_overwrite_counts_as_lapped() throws Exception {
            RingBuffer ring = new RingBuffer(CAPACITY);
            RingBuffer.Cursor slow = ring.join(0);
            RingBuffer.Cursor fast = ring.join(0);
            ring.write(filled(CAPACITY, 1), 0, CAPACITY);
            ring.read(fast, new byte[CAPACITY], 1000);

            ring.claim(1000);

            assertThatThrownBy(() -> ring.read(slow, new byte[CAPACITY], 1000)).isInstanceOf(RingBuffer.Behind.class);
        }

        @Test
        void a_reader_joining_starts_after_what_a_claim_may_overwrite() throws Exception {
            RingBuffer ring = new RingBuffer(CAPACITY);
            RingBuffer.Cursor first = ring.join(0);
            byte[] packets = new byte[CAPACITY];
            for (int p = 0; p < CAPACITY / 188; p++) {
                packets[p * 188] = 0x47;
            }
            ring.write(packets, 0, CAPACITY);
            ring.read(first, new byte[CAPACITY], 1000);
            int room = ring.claim(188 * 8);

            RingBuffer.Cursor late = ring.join(CAPACITY);

            assertThat(late.position).isGreaterThanOrEqualTo((long) room);
            ring.commit(0);
        }
    }
}
