package io.tvarr.ingest.m3u;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenHashesTest {
    @Test
    void a_hash_is_new_once() {
        SeenHashes seen = new SeenHashes();

        assertThat(seen.add(42)).isTrue();
        assertThat(seen.add(42)).isFalse();
        assertThat(seen.add(-42)).isTrue();
    }

    @Test
    void zero_is_a_hash_like_any_other() {
        SeenHashes seen = new SeenHashes();

        assertThat(seen.add(0)).isTrue();
        assertThat(seen.add(0)).isFalse();
    }

    @Test
    void hashes_that_share_their_low_bits_are_told_apart() {
        SeenHashes seen = new SeenHashes();

        assertThat(seen.add(1L << 40)).isTrue();
        assertThat(seen.add(2L << 40)).isTrue();
        assertThat(seen.add(1L << 40)).isFalse();
    }

    @Test
    void agrees_with_a_set_across_growth_and_repeats() {
        SeenHashes seen = new SeenHashes();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(19);

        for (int i = 0; i < 200_000; i++) {
            // a narrow range, so about a third of the draws repeat an earlier one
            long hash = random.nextInt(300_000) * 0x9E3779B97F4A7C15L;
            assertThat(seen.add(hash)).as("hash %d, draw %d", hash, i).isEqualTo(reference.add(hash));
        }
    }
}
