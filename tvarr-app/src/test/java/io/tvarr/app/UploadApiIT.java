package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playlists and guides uploaded over the API are kept under the data dir, ingested, replaced and deleted. */
class UploadApiIT {
    static final String PLAYLIST =
            "#EXTM3U\n#EXTINF:-1 tvg-id=\"one\" group-title=\"UK\",One\nhttp://example.test/1.ts\n"
                    + "#EXTINF:-1 tvg-id=\"two\" group-title=\"UK\",Two\nhttp://example.test/2.ts\n";
    static final String GUIDE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tv>\n"
            + "<channel id=\"one\"><display-name>One</display-name></channel>\n"
            + "<programme start=\"20261130120000 +0000\" stop=\"20261130130000 +0000\" channel=\"one\">"
            + "<title>News</title></programme>\n</tv>\n";
    private static final int LIMIT = 4096;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;

    @BeforeEach
    void start() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.toString());
        flags.put(ConfigKey.SOURCES_MAX_UPLOAD_BYTES, String.valueOf(LIMIT));
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Nested
    class Playlists {
        @Test
        void a_raw_playlist_becomes_an_m3u_source_whose_channels_are_ingested() throws IOException {
            HttpResponse<String> created =
                    api.postBytes("/api/v1/sources/stream/upload?name=Sofa", "application/x-mpegurl", bytes(PLAYLIST));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode source = json.readTree(created.body());
            assertThat(source.get("kind").asText()).isEqualTo("m3u");
            Path file = Path.of(URI.create(source.get("url").asText()));
            assertThat(file.getParent()).isEqualTo(uploads());
            String id = source.get("id").asText();
            api.ingest("/api/v1/sources/stream/" + id);
            assertThat(channels(id)).isEqualTo(2);
        }

        @Test
        void a_multipart_upload_as_a_browser_sends_it_is_taken_too() throws IOException {
            HttpResponse<String> created =
                    api.postFile("/api/v1/sources/stream/upload?name=Sofa", "list.m3u", bytes(PLAYLIST));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        @Test
        void a_replaced_playlist_is_read_at_the_next_refresh_and_the_old_file_deleted() throws IOException {
            JsonNode first = json.readTree(
                    api.postBytes("/api/v1/sources/stream/upload?name=Sofa", "application/x-mpegurl", bytes(PLAYLIST))
                            .body());
            String id = first.get("id").asText();
            String shorter = "#EXTM3U\n#EXTINF:-1,Three\nhttp://example.test/3.ts\n";

            HttpResponse<String> replaced =
                    api.putBytes("/api/v1/sources/stream/" + id + "/file", "application/x-mpegurl", bytes(shorter));

            assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            assertThat(files())
                    .containsExactly(Path.of(
                            URI.create(json.readTree(replaced.body()).get("url").asText())));
            api.ingest("/api/v1/sources/stream/" + id);
            assertThat(channels(id)).isEqualTo(1);
        }

        @Test
        void deleting_the_source_deletes_its_file() throws IOException {
            String id = json.readTree(api.postBytes(
                                    "/api/v1/sources/stream/upload?name=Sofa", "application/x-mpegurl", bytes(PLAYLIST))
                            .body())
                    .get("id")
                    .asText();

            assertThat(api.delete("/api/v1/sources/stream/" + id).statusCode()).isEqualTo(204);
            assertThat(files()).isEmpty();
        }

        @Test
        void replacing_the_file_of_a_source_that_does_not_exist_is_404() {
            HttpResponse<String> missing = api.putBytes(
                    "/api/v1/sources/stream/00000000-0000-4000-8000-000000000000/file",
                    "application/x-mpegurl",
                    bytes(PLAYLIST));

            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Guides {
        @Test
        void a_gzipped_guide_becomes_an_xmltv_source_whose_programmes_are_ingested() throws IOException {
            HttpResponse<String> created =
                    api.postFile("/api/v1/sources/epg/upload?name=Guide", "guide.xml.gz", gzip(GUIDE));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode guide = json.readTree(created.body());
            assertThat(guide.get("kind").asText()).isEqualTo("xmltv");
            assertThat(guide.get("url").asText()).endsWith(".xml.gz");
            String id = guide.get("id").asText();
            api.ingest("/api/v1/sources/epg/" + id);
            JsonNode channels =
                    json.readTree(api.get("/api/v1/epg/channels?source=" + id).body());
            assertThat(channels.toString()).contains("\"one\"");
        }

        @Test
        void a_raw_xml_guide_replaces_the_file() throws IOException {
            String id = json.readTree(
                            api.postBytes("/api/v1/sources/epg/upload?name=Guide", "application/xml", bytes(GUIDE))
                                    .body())
                    .get("id")
                    .asText();

            HttpResponse<String> replaced =
                    api.putBytes("/api/v1/sources/epg/" + id + "/file", "text/xml", bytes(GUIDE));

            assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            assertThat(files()).hasSize(1);
        }

        @Test
        void a_playlist_given_as_a_guide_is_refused() throws IOException {
            HttpResponse<String> refused =
                    api.postBytes("/api/v1/sources/epg/upload?name=Guide", "application/xml", bytes(PLAYLIST));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(detail(refused)).startsWith("file: not an XMLTV guide");
        }
    }

    @Nested
    class Refusals {
        @Test
        void an_upload_over_the_limit_names_the_limit_and_keeps_nothing() throws IOException {
            byte[] large = bytes(PLAYLIST + "#".repeat(LIMIT));

            HttpResponse<String> refused =
                    api.postBytes("/api/v1/sources/stream/upload?name=Sofa", "application/x-mpegurl", large);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(detail(refused))
                    .isEqualTo("file: larger than the upload limit of 4096 bytes (sources.max_upload_bytes)");
            assertThat(files()).isEmpty();
            assertThat(json.readTree(api.get("/api/v1/sources/stream").body())).isEmpty();
        }

        @Test
        void a_multipart_upload_over_the_limit_is_cut_off_as_it_arrives_and_names_the_limit() throws IOException {
            byte[] large = bytes(PLAYLIST + "#".repeat(LIMIT * 64));

            HttpResponse<String> refused = api.postFile("/api/v1/sources/stream/upload?name=Sofa", "list.m3u", large);

            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(detail(refused))
                    .isEqualTo("file: larger than the upload limit of 4096 bytes (sources.max_upload_bytes)");
            assertThat(files()).isEmpty();
            assertThat(json.readTree(api.get("/api/v1/sources/stream").body())).isEmpty();
        }

        @Test
        void an_empty_upload_is_refused() throws IOException {
            HttpResponse<String> refused =
                    api.postFile("/api/v1/sources/stream/upload?name=Sofa", "list.m3u", new byte[0]);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(detail(refused)).isEqualTo("file: the upload is empty");
        }

        @Test
        void a_web_page_is_not_a_playlist() throws IOException {
            HttpResponse<String> refused = api.postBytes(
                    "/api/v1/sources/stream/upload?name=Sofa",
                    "application/x-mpegurl",
                    bytes("<!DOCTYPE html><html><body>Login</body></html>"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(detail(refused))
                    .startsWith("file: not an M3U playlist (expected a first line of #EXTM3U, #EXTINF or a stream URL;"
                            + " it starts with '<!DOCTYPE html><html><body>");
        }

        @Test
        void a_text_plain_body_is_415_naming_the_types_taken() throws IOException {
            HttpResponse<String> refused =
                    api.postBytes("/api/v1/sources/stream/upload?name=Sofa", "text/plain", bytes(PLAYLIST));

            assertThat(refused.statusCode()).isEqualTo(415);
            assertThat(detail(refused)).contains("application/x-mpegurl").contains("multipart/form-data");
        }

        @Test
        void a_new_source_needs_a_name() throws IOException {
            HttpResponse<String> refused =
                    api.postBytes("/api/v1/sources/stream/upload", "application/x-mpegurl", bytes(PLAYLIST));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(detail(refused)).startsWith("name:");
        }
    }

    private int channels(String source) throws IOException {
        return json.readTree(api.get("/api/v1/channels?source=" + source).body())
                .get("total")
                .asInt();
    }

    private String detail(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body()).get("detail").asText();
    }

    private Path uploads() {
        return dir.resolve("uploads").toAbsolutePath().normalize();
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(uploads())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads())) {
            return files.toList();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes(text));
        }
        return out.toByteArray();
    }
}
