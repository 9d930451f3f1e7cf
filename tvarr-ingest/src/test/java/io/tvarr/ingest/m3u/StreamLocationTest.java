package io.tvarr.ingest.m3u;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stable part of a URL is half of every M3U channel's key, and so of its id: any change to what it keeps would
 * give every channel of a refreshed playlist a new id and orphan the user's overrides and pins. The Xtream account
 * segments were once cut by two regular expressions; they are kept here as the reference the code must agree with.
 */
class StreamLocationTest {
    private static final Pattern XTREAM_PATH =
            Pattern.compile("^/(live|movie|series|timeshift)/[^/]+/[^/]+/(\\d+(\\.\\w{1,5})?)$");
    private static final Pattern XTREAM_SHORT_PATH = Pattern.compile("^/[^/]+/[^/]+/(\\d+(\\.\\w{1,5})?)$");

    /** What {@code stablePart} gave for a path when the regular expressions cut the account segments. */
    private static String reference(String path) {
        var xtream = XTREAM_PATH.matcher(path);
        if (xtream.matches()) {
            return "/" + xtream.group(1) + "/*/*/" + xtream.group(2);
        }
        var shortPath = XTREAM_SHORT_PATH.matcher(path);
        return shortPath.matches() ? "/*/*/" + shortPath.group(1) : path;
    }

    @Test
    void xtream_paths_lose_their_account_segments() {
        assertThat(StreamLocation.stablePart("http://p.example:8080/live/bob/s3cret/1234.ts"))
                .isEqualTo("/live/*/*/1234.ts");
        assertThat(StreamLocation.stablePart("http://p.example/movie/bob/s3cret/77.mkv"))
                .isEqualTo("/movie/*/*/77.mkv");
        assertThat(StreamLocation.stablePart("http://p.example/bob/s3cret/1234"))
                .isEqualTo("/*/*/1234");
        assertThat(StreamLocation.stablePart("http://p.example/live/bob/s3cret/1234.m3u8?token=x"))
                .isEqualTo("/live/*/*/1234.m3u8");
    }

    @Test
    void paths_that_only_look_like_xtream_paths_are_kept_whole() {
        for (String path : List.of(
                "/LIVE/bob/s3cret/1234.ts", // the kinds are lower case
                "/live/bob/s3cret/12a.ts", // the stream id is digits
                "/live/bob/s3cret/1234.toolong", // an extension has 1 to 5 word characters
                "/live/bob/s3cret/1234.", // a dot needs an extension
                "/live//s3cret/1234.ts", // an empty segment
                "//bob/1234",
                "/a/live/bob/s3cret/1234.ts", // five segments
                "/bob/1234",
                "/live/bob/s3cret/\u0661\u0662.ts")) { // \d is ASCII digits only
            assertThat(StreamLocation.stablePart("http://p.example" + path))
                    .as(path)
                    .isEqualTo(reference(path))
                    .isEqualTo(path);
        }
    }

    @Test
    void generated_paths_keep_what_the_regular_expressions_kept() {
        // segments made of the characters the two expressions look at, so every boundary of them is crossed
        String[] pieces = {
            "live",
            "movie",
            "series",
            "timeshift",
            "Live",
            "bob",
            "",
            "1",
            "42",
            "007",
            ".",
            ".ts",
            ".m3u8",
            ".mpegts",
            "_",
            "a",
            "9x",
            "\u0663",
            "-",
            "é"
        };
        Random random = new Random(19);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder path = new StringBuilder();
            int segments = 1 + random.nextInt(5);
            for (int s = 0; s < segments; s++) {
                path.append('/');
                for (int p = random.nextInt(3); p >= 0; p--) {
                    path.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String text = path.toString();
            assertThat(StreamLocation.accountFree(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void every_corpus_stream_url_keeps_the_stable_part_it_had() throws IOException {
        Path root = SharedCorpus.require("m3u");
        List<String> urls = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.m3u8?$"))
                    .sorted()
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    M3uParserTest.parse(in, M3uLimits.DEFAULT).entries.forEach(e -> urls.add(e.url()));
                }
            }
        }
        assertThat(urls).hasSizeGreaterThan(10_000);
        for (String url : urls) {
            String path = path(url);
            assertThat(StreamLocation.accountFree(path)).as(url).isEqualTo(reference(path));
        }
    }

    /** The URL's path as {@code stablePart} finds it: after the scheme and authority, before the query. */
    private static String path(String url) {
        int end = url.indexOf('#');
        String text = end < 0 ? url : url.substring(0, end);
        int query = text.indexOf('?');
        String base = query < 0 ? text : text.substring(0, query);
        int scheme = base.indexOf("://");
        String rest = scheme < 0 ? base : base.substring(scheme + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? "/" : rest.substring(slash);
    }
}
