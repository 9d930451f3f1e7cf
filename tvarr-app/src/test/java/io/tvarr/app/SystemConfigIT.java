package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration in effect on the API and the system page: every key there, no secret anywhere. */
class SystemConfigIT {
    private static final String PASSWORD = "admin-password-secret";
    private static final String BASE_URL_SECRET = "base-url-secret";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;

    @BeforeEach
    void start() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
        flags.put(ConfigKey.SERVER_BASE_URL, "http://bob:" + BASE_URL_SECRET + "@tv.example:8080");
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_api_lists_every_key_with_the_secrets_masked() throws IOException {
        HttpResponse<String> answer = new ApiClient(app).get("/api/v1/system/config");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain(PASSWORD).doesNotContain(BASE_URL_SECRET);
        JsonNode settings = json.readTree(answer.body()).get("settings");
        assertThat(settings).hasSize(ConfigKey.values().length);
        assertThat(settings).anySatisfy(s -> {
            assertThat(s.get("key").asText()).isEqualTo("admin.password");
            assertThat(s.get("value").asText()).isEqualTo("***");
        });
        assertThat(settings).anySatisfy(s -> {
            assertThat(s.get("key").asText()).isEqualTo("server.base_url");
            assertThat(s.get("value").asText()).contains("tv.example:8080");
        });
    }

    @Test
    void the_api_answers_no_one_without_a_login() {
        assertThat(new ApiClient(app.port()).get("/api/v1/system/config").statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_system_page_shows_the_configuration_with_the_secrets_masked() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + app.port();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/system"))
                        .header("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Configuration in effect")
                .contains("<tr data-key=\"database.url\">")
                .contains(
                        "<tr data-key=\"admin.password\"><td><code>admin.password</code></td>\n      <td class=\"url\"><code>***</code>")
                .doesNotContain(PASSWORD)
                .doesNotContain(BASE_URL_SECRET);
    }
}
