package io.tvarr.ingest.m3u;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class M3uParserTest {
    static final class Collected implements M3uListener {
        final Map<String, String> header = new LinkedHashMap<>();
        final List<M3uEntry> entries = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public void header(Map<String, String> attributes) {
            header.putAll(attributes);
        }

        @Override
        public void entry(M3uEntry entry) {
            entries.add(entry);
        }

        @Override
        public void malformed(int line, String reason) {
            malformed.add(reason);
        }
    }

    static Collected parse(InputStream in, M3uLimits limits) {
        Collected collected = new Collected();
        new M3uParser(limits).parse(in, collected);
        return collected;
    }

    static Collected parse(String text) {
        return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), M3uLimits.DEFAULT);
    }

    @Nested
    class Odd_cases_fixture {
        Collected playlist;

        @BeforeEach
        void parse_the_fixture() throws IOException {
            try (InputStream in = getClass().getResourceAsStream("/m3u/odd-cases.m3u")) {
                playlist = parse(in, M3uLimits.DEFAULT);
            }
        }

        @Test
        void header_attributes_keep_commas_inside_quotes_and_the_bom_is_dropped() {
            assertThat(playlist.header)
                    .containsEntry("x-tvg-url", "http://epg.example/a.xml,http://epg.example/b.xml")
                    .containsEntry("tvg-shift", "-0.5");
        }

        @Test
        void every_usable_entry_is_read_in_order() {
            assertThat(playlist.entries)
                    .extracting(M3uEntry::url)
                    .containsExactly(
                            "http://provider.example/live/1.ts",
                            "https://provider.example/2.m3u8",
                            "http://provider.example/no-extinf.ts",
                            "http://[2001:db8::1]:8080/live/3.ts",
                            "rtmp://media.example/live/4");
        }

        @Test
        void quoted_unquoted_and_single_quoted_attributes_and_the_title_after_the_first_free_comma() {
            M3uEntry bbc = playlist.entries.get(0);

            assertThat(bbc.line()).isEqualTo(3);
            assertThat(bbc.duration()).isEqualTo(-1);
            assertThat(bbc.title()).isEqualTo("BBC One, HD");
            assertThat(bbc.attributes())
                    .containsEntry("tvg-id", "bbc1.uk")
                    .containsEntry("tvg-name", "BBC One")
                    .containsEntry("tvg-logo", "http://img.example/logo.png?size=1,2")
                    .containsEntry("group-title", "UK, News")
                    .containsEntry("tvg-chno", "101")
                    .containsEntry("catchup-days", "7")
                    .containsEntry("x-custom", "kept");
            assertThat(bbc.options())
                    .containsEntry("http-user-agent", "Mozilla/5.0")
                    .containsEntry("http-referrer", "http://ref.example/");
        }

        @Test
        void extgrp_kodiprop_and_cr_line_ends_belong_to_their_entry() {
            M3uEntry separator = playlist.entries.get(1);

            assertThat(separator.group()).isEqualTo("Films");
            assertThat(separator.kodiProperties())
                    .containsExactly("inputstream.adaptive.license_type=com.widevine.alpha");
            assertThat(playlist.entries.get(2).title()).isNull();
            assertThat(playlist.entries.get(2).options()).isEmpty();
        }

        @Test
        void a_repeated_attribute_keeps_the_last_value() {
            assertThat(playlist.entries.get(3).attributes()).containsEntry("tvg-id", "dup2");
        }

        @Test
        void malformed_entries_are_reported_with_their_line_and_skipped() {
            assertThat(playlist.malformed)
                    .containsExactly(
                            "line 14: value of attribute 'tvg-name' is not closed",
                            "line 15: value of attribute 'tvg-logo' is not closed",
                            "line 18: not a stream URL: 'this is not a url'");
        }

        @Test
        void header_like_attributes_on_extinf_are_kept() {
            assertThat(playlist.entries.get(4).attributes())
                    .containsEntry("http-referrer", "http://r.example")
                    .containsEntry("user-agent", "UA/1");
        }
    }

    @Nested
    class Input_forms {
        @Test
        void gzip_bodies_are_detected_by_their_magic_bytes() throws IOException {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write("#EXTM3U\n#EXTINF:-1,A\nhttp://a.example/1\n".getBytes(StandardCharsets.UTF_8));
            }

            Collected playlist = parse(new ByteArrayInputStream(zipped.toByteArray()), M3uLimits.DEFAULT);

            assertThat(playlist.entries).extracting(M3uEntry::title).containsExactly("A");
        }

        @Test
        void a_playlist_without_header_or_final_newline_parses() {
            assertThat(parse("#EXTINF:-1,A\nhttp://a.example/1").entries).hasSize(1);
        }

        @Test
        void an_entry_without_url_at_the_end_is_reported() {
            assertThat(parse("#EXTINF:-1,A\n").malformed).containsExactly("line 1: entry has no stream URL");
        }
    }

    @Nested
    class Refusals {
        @Test
        void a_line_over_the_limit_names_its_number() {
            String text = "#EXTM3U\n#EXTINF:-1," + "x".repeat(200) + "\nhttp://a/1\n";

            assertThatThrownBy(() -> parse(
                            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                            new M3uLimits(100, 10_000)))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessage("line 2: longer than 100 characters");
        }

        @Test
        void a_body_over_the_limit_is_refused() {
            String text = "#EXTINF:-1,A\nhttp://a/1\n".repeat(2000);

            assertThatThrownBy(() -> parse(
                            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                            new M3uLimits(1000, 20_000)))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessageContaining("larger than the limit of 20000");
        }

        @Test
        void a_gzip_body_is_capped_after_decompression_naming_the_limit() throws IOException {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write("#EXTM3U\n".getBytes(StandardCharsets.UTF_8));
                gzip.write("#EXTINF:-1,A\nhttp://a/1\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
            }

            assertThatThrownBy(() -> parse(new ByteArrayInputStream(zipped.toByteArray()), new M3uLimits(1000, 50_000)))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessageContaining("larger than the limit of 50000 characters (after decompression)");
        }

        @Test
        void an_html_page_is_named_as_html() {
            assertThatThrownBy(() -> parse("\n<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>\n"))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessage("line 2: an HTML page, not an M3U playlist (an error or login page?)");
        }

        @Test
        void an_xhtml_page_is_named_as_html() {
            assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML\">\n"))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessageStartingWith("line 1: an HTML page");
        }

        @Test
        void an_xmltv_guide_is_named_as_xml() {
            assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?>\n<tv>\n<channel id=\"a\"/>\n</tv>\n"))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessage("line 1: an XML document (an XMLTV guide?), not an M3U playlist");
        }

        @Test
        void binary_input_is_not_a_playlist() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

            assertThatThrownBy(() -> parse(new ByteArrayInputStream(png), M3uLimits.DEFAULT))
                    .isInstanceOf(M3uParseException.class)
                    .hasMessage("line 1: not a text playlist (binary data)");
        }
    }

    @Nested
    class Stream_urls {
        private final java.util.regex.Pattern documented =
                java.util.regex.Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://\\S+$");

        @Test
        void the_hand_written_check_agrees_with_the_documented_pattern() {
            java.util.Random random = new java.util.Random(19);
            String alphabet = "aZ09+.-:/ \t\u000Bé\u00A0\u2028x";
            List<String> samples = new ArrayList<>(List.of(
                    "http://a/1.ts",
                    "HTTPS://A",
                    "rtmp://x y",
                    "http://",
                    "1http://a",
                    "svc+ssh://h",
                    "a://b",
                    "http:/a",
                    "://a",
                    "",
                    "h-t.t+p://\u00A0",
                    "http://a\u2028"));
            for (int i = 0; i < 20_000; i++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(12);
                for (int c = 0; c < length; c++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                samples.add(random.nextBoolean() ? s.toString() : "http://" + s);
            }
            for (String sample : samples) {
                assertThat(M3uParser.isStreamUrl(sample))
                        .as("'%s'", sample)
                        .isEqualTo(documented.matcher(sample).matches());
            }
        }
    }

    @Nested
    class Attribute_names {
        @Test
        void names_are_lower_case_whatever_case_the_playlist_writes() {
            M3uEntry entry = parse("#EXTM3U\n#EXTINF:-1 TVG-ID=\"a\" Group-Title=\"News\" tvg-LOGO=l X-Custom=1,A\n"
                            + "http://x/1.ts\n")
                    .entries
                    .get(0);

            assertThat(entry.attributes())
                    .containsExactly(
                            Map.entry("tvg-id", "a"),
                            Map.entry("group-title", "News"),
                            Map.entry("tvg-logo", "l"),
                            Map.entry("x-custom", "1"));
        }

        @Test
        void a_name_with_letters_beyond_ascii_lower_cases_as_java_does_and_is_no_common_name() {
            // U+0130 lower-cases to "i" and a combining dot: the name is not tvg-id
            M3uEntry entry = parse("#EXTM3U\n#EXTINF:-1 TVG-\u0130D=\"a\",A\nhttp://x/1.ts\n")
                    .entries
                    .get(0);

            assertThat(entry.attributes()).containsOnlyKeys("tvg-\u0130D".toLowerCase(java.util.Locale.ROOT));
            assertThat(entry.attributes()).doesNotContainKey("tvg-id");
        }

        @Test
        void an_unclosed_value_is_named_as_the_playlist_wrote_it() {
            assertThat(parse("#EXTM3U\n#EXTINF:-1 TVG-ID=\"a,A\nhttp://x/1.ts\n").malformed)
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("'TVG-ID'");
        }
    }
}
