package io.tvarr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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

        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        "test",
                        read -> {
                            try {
                                for (int i = 0; ; i++) {
                                    read.accept(i);
                                }
                            } finally {
                                readerStopped.set(true);
                            }
                        },
                        i -> {
                            if (i == 5_000) {
                                throw new IllegalArgumentException("bad record");
                            }
                        }))
                .hasMessage("bad record");
        assertThat(readerStopped).isTrue();
    }
}
