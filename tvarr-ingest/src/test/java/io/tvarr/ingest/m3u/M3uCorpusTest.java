package io.tvarr.ingest.m3u;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real playlists written by others (../shared/corpus/m3u, present in CI) all parse, entry for entry. */
class M3uCorpusTest {
    static Path corpus(String sub) {
        return SharedCorpus.require(sub);
    }

    @Test
    void every_corpus_playlist_parses_and_accounts_for_every_extinf() throws IOException {
        Path root = corpus("m3u");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.m3u8?$"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(300);
        long total = 0;
        for (Path file : files) {
            long extinf;
            try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                extinf = lines.filter(l -> l.strip().toUpperCase(Locale.ROOT).startsWith("#EXTINF"))
                        .count();
            }
            M3uParserTest.Collected parsed;
            try (InputStream in = Files.newInputStream(file)) {
                parsed = M3uParserTest.parse(in, M3uLimits.DEFAULT);
            }
            assertThat(parsed.entries.size() + parsed.malformed.size())
                    .as(file + " entries + skipped vs #EXTINF lines")
                    .isGreaterThanOrEqualTo((int) extinf);
            total += parsed.entries.size();
        }
        assertThat(total).isGreaterThan(10_000);
    }
}
