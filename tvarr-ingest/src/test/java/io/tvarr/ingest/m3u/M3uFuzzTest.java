package io.tvarr.ingest.m3u;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded mutation fuzzing: whatever the bytes, only M3uParseException may escape. */
class M3uFuzzTest {
    @Test
    void mutated_playlists_raise_nothing_but_the_documented_error() throws IOException {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("/m3u/odd-cases.m3u")) {
            seed = in.readAllBytes();
        }
        Random random = new Random(424242);
        int parsed = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] mutated = seed.clone();
            int edits = 1 + random.nextInt(20);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(mutated.length);
                mutated[at] = switch (random.nextInt(6)) {
                    case 0 -> (byte) '"';
                    case 1 -> (byte) ',';
                    case 2 -> (byte) '\n';
                    case 3 -> (byte) '#';
                    case 4 -> (byte) '=';
                    default -> (byte) random.nextInt(256);
                };
            }
            int cut = random.nextInt(mutated.length + 1);
            try {
                new M3uParser(new M3uLimits(512, 1 << 20))
                        .parse(new ByteArrayInputStream(mutated, 0, cut), new M3uParserTest.Collected());
                parsed++;
            } catch (M3uParseException documented) {
                // the documented refusal
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " escaped with " + e, e);
            }
        }
        assertThat(parsed).isGreaterThan(1000);
    }
}
