package io.tvarr.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.ingest.m3u.M3uEntry;
import io.tvarr.ingest.m3u.M3uLimits;
import io.tvarr.ingest.m3u.M3uListener;
import io.tvarr.ingest.m3u.M3uParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class M3uPlaylistWriterTest {
    private String written() {
        StringWriter out = new StringWriter();
        M3uPlaylistWriter writer = new M3uPlaylistWriter(out, "http://tvarr.local/proxy/tv.xmltv");
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("tvg-shift", "1");
        attributes.put("catchup", "default");
        writer.write(new PlaylistEntry(
                "bbc1.uk",
                "BBC One \"HD\"",
                "http://img.example/a.png?x=1,2",
                "101",
                "UK, News",
                "BBC One, HD",
                "http://provider.example/live/1.ts",
                attributes,
                Map.of("http-user-agent", "Mozilla/5.0", "http-referrer", "http://ref.example/")));
        writer.write(new PlaylistEntry(
                null,
                null,
                null,
                null,
                null,
                "Line\nBreak\r\nName",
                "http://provider.example/live/2.ts",
                Map.of(),
                Map.of()));
        return out.toString();
    }

    @Test
    void output_matches_the_golden_file() throws IOException {
        try (InputStream golden = getClass().getResourceAsStream("/golden/playlist.m3u")) {
            assertThat(written()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void tvarrs_own_parser_reads_back_every_value() {
        List<M3uEntry> entries = new ArrayList<>();
        Map<String, String> header = new LinkedHashMap<>();
        new M3uParser(M3uLimits.DEFAULT)
                .parse(new ByteArrayInputStream(written().getBytes(StandardCharsets.UTF_8)), new M3uListener() {
                    @Override
                    public void header(Map<String, String> attributes) {
                        header.putAll(attributes);
                    }

                    @Override
                    public void entry(M3uEntry entry) {
                        entries.add(entry);
                    }
                });

        assertThat(header).containsEntry("url-tvg", "http://tvarr.local/proxy/tv.xmltv");
        assertThat(entries).hasSize(2);
        M3uEntry bbc = entries.get(0);
        assertThat(bbc.title()).isEqualTo("BBC One, HD");
        assertThat(bbc.attributes())
                .containsEntry("tvg-logo", "http://img.example/a.png?x=1,2")
                .containsEntry("group-title", "UK, News")
                .containsEntry("tvg-chno", "101")
                .containsEntry("tvg-shift", "1");
        assertThat(bbc.options()).containsEntry("http-user-agent", "Mozilla/5.0");
        assertThat(entries.get(1).title()).isEqualTo("Line Break Name");
    }

    @Test
    void control_characters_and_unicode_line_breaks_never_reach_the_playlist() {
        StringWriter out = new StringWriter();
        M3uPlaylistWriter writer = new M3uPlaylistWriter(out, null);
        writer.write(new PlaylistEntry(
                "esc\u001b.uk",
                null,
                null,
                null,
                "News\u2028#EXTINF:-1,Injected",
                "Esc\u001b[1mape\u0085next\u2029line",
                "http://provider.example/live/3.ts\u0000",
                Map.of("tvg-shift", "1\u0007"),
                Map.of()));

        String playlist = out.toString();

        assertThat(playlist.lines()).hasSize(3);
        assertThat(playlist)
                .doesNotContain("\u001b")
                .doesNotContain("\u0085")
                .doesNotContain("\u2028")
                .doesNotContain("\u2029")
                .doesNotContain("\u0000")
                .doesNotContain("\u0007")
                .contains("[1mape");
    }

    @Test
    void only_web_logos_are_published() {
        StringWriter out = new StringWriter();
        M3uPlaylistWriter writer = new M3uPlaylistWriter(out, null);
        for (String logo : new String[] {"file:///etc/passwd", "javascript:alert(1)", "HTTPS://img.example/a.png"}) {
            writer.write(new PlaylistEntry(
                    null, null, logo, null, null, "Channel", "http://provider.example/1.ts", Map.of(), Map.of()));
        }

        assertThat(out.toString())
                .doesNotContain("file:")
                .doesNotContain("javascript:")
                .contains("tvg-logo=\"HTTPS://img.example/a.png\"");
    }

    @Test
    void only_plain_attribute_names_of_a_provider_are_written() {
        StringWriter out = new StringWriter();
        M3uPlaylistWriter writer = new M3uPlaylistWriter(out, null);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : new String[] {"catchup-days", "X_Rec9", "", "a b", "a=b", "caf\u00e9", "a\"b", "-"}) {
            attributes.put(name, "1");
        }
        writer.write(new PlaylistEntry(
                null, null, null, null, null, "Channel", "http://provider.example/1.ts", attributes, Map.of()));

        assertThat(out.toString().lines().toList().get(1))
                .isEqualTo("#EXTINF:-1 -=\"1\" X_Rec9=\"1\" catchup-days=\"1\",Channel");
    }
}
