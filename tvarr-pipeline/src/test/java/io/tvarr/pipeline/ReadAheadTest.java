package io.tvarr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    @Test
    void delivers_every_record_in_order() {
        List<Integer> seen = new ArrayList<>();

        ReadAhead.<Integer>run(
                "test",
                read -> {
                    for (int i = 0; i < 10_000; i++) {
                        read.accept(i);
                    }
                },
                seen::add);

        assertThat(seen).hasSize(10_000).isSorted();
        assertThat(seen.get(9_999)).isEqualTo(9_999);
    }

    @Test
    void a_reader_failure_reaches_the_caller_after_what_was_read_before_it() {
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        "test",
                        read -> {
                            read.accept(1);
                            throw new IllegalStateException("disk gone");
                        },
                        seen::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("disk gone");
        assertThat(seen).containsExactly(1);
    }

    @Test
    void a_processor_failure_stops_an_endless_reader() {
        AtomicBoolean readerStopped = new AtomicBoolean();

        assertThatThrownBy(() -> ReadAhead.<Integer>run("test", endless(() -> readerStopped.set(true)), i -> {
                    if (i == 5_000) {
                        throw new IllegalArgumentException("bad record");
                    }
                }))
                .hasMessage("bad record");
        assertThat(readerStopped).isTrue();
    }

    @Test
    void two_readers_alternate_whole_batches_in_the_same_order_on_every_run() {
        List<Integer> first = twoReaders();
        List<Integer> second = twoReaders();

        assertThat(first).hasSize(5_000 + 3_000).doesNotHaveDuplicates().isEqualTo(second);
        // a batch from the lower reader, then one from the upper reader, and so on
        int batch = ReadAhead.BATCH;
        assertThat(first.subList(0, batch)).containsExactlyElementsOf(range(0, batch));
        assertThat(first.subList(batch, 2 * batch)).containsExactlyElementsOf(range(100_000, 100_000 + batch));
        assertThat(first.subList(2 * batch, 3 * batch)).containsExactlyElementsOf(range(batch, 2 * batch));
    }

    @Test
    void a_failing_reader_stops_the_other_one_and_reaches_the_caller() {
        AtomicBoolean endlessStopped = new AtomicBoolean();

        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        "test",
                        List.of(endless(() -> endlessStopped.set(true)), read -> {
                            read.accept(-1);
                            throw new IllegalStateException("connection lost");
                        }),
                        ReadAhead.BATCH,
                        i -> {}))
                .hasMessage("connection lost");
        assertThat(endlessStopped).isTrue();
    }

    @Test
    void a_processor_failure_stops_both_endless_readers() {
        AtomicInteger stopped = new AtomicInteger();
        Feed<Integer> endless = endless(stopped::incrementAndGet);

        assertThatThrownBy(() -> ReadAhead.<Integer>run("test", List.of(endless, endless), ReadAhead.BATCH, i -> {
                    if (i == 3_000) {
                        throw new IllegalArgumentException("bad record");
                    }
                }))
                .hasMessage("bad record");
        assertThat(stopped).hasValue(2);
    }

    private static List<Integer> twoReaders() {
        List<Integer> seen = new ArrayList<>();
        ReadAhead.<Integer>run(
                "test",
                List.of(
                        read -> range(0, 5_000).forEach(read),
                        read -> range(100_000, 103_000).forEach(read)),
                ReadAhead.BATCH,
                seen::add);
        return seen;
    }

    /** A reader that never ends on its own; {@code stopped} runs when it is made to. */
    private static Feed<Integer> endless(Runnable stopped) {
        return read -> {
            try {
                for (int i = 0; ; i++) {
                    read.accept(i);
                }
            } finally {
                stopped.run();
            }
        };
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
