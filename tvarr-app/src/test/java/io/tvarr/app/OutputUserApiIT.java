package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/proxies/{id}/users} on a real server. */
class OutputUserApiIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private String proxyId;

    @BeforeEach
    void start() throws IOException {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        HttpResponse<String> proxy = api.post("/api/v1/proxies", "{\"name\":\"Living room\"}");
        assertThat(proxy.statusCode()).as(proxy.body()).isEqualTo(201);
        proxyId = json.readTree(proxy.body()).get("id").asText();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void creates_lists_and_deletes_users_and_never_shows_a_password() throws IOException {
        HttpResponse<String> created = api.post(
                "/api/v1/proxies/living-room/users",
                "{\"username\":\"alice\",\"password\":\"secret1\",\"maxConnections\":2,"
                        + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("secret1").doesNotContain("argon2");
        JsonNode user = json.readTree(created.body());
        assertThat(user.get("username").asText()).isEqualTo("alice");
        assertThat(user.get("maxConnections").asInt()).isEqualTo(2);
        assertThat(user.get("proxyId").asText()).isEqualTo(proxyId);
        HttpResponse<String> list = api.get("/api/v1/proxies/" + proxyId + "/users");
        assertThat(json.readTree(list.body())).hasSize(1);
        assertThat(list.body()).doesNotContain("secret1").doesNotContain("argon2");

        HttpResponse<String> deleted = api.delete(
                "/api/v1/proxies/" + proxyId + "/users/" + user.get("id").asText());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(json.readTree(
                        api.get("/api/v1/proxies/" + proxyId + "/users").body()))
                .isEmpty();
    }

    @Test
    void a_taken_username_is_a_conflict() {
        api.post("/api/v1/proxies/" + proxyId + "/users", "{\"username\":\"alice\",\"password\":\"secret1\"}");

        HttpResponse<String> again =
                api.post("/api/v1/proxies/" + proxyId + "/users", "{\"username\":\"alice\",\"password\":\"other12\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("username: 'alice' is already taken");
    }

    @Test
    void a_missing_password_is_refused_by_name() {
        HttpResponse<String> refused = api.post("/api/v1/proxies/" + proxyId + "/users", "{\"username\":\"alice\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("password: must be given");
    }

    @Test
    void changes_a_users_limit_and_expiry_and_keeps_the_password_when_none_is_sent() throws IOException {
        HttpResponse<String> created =
                api.post("/api/v1/proxies/" + proxyId + "/users", "{\"username\":\"alice\",\"password\":\"secret1\"}");
        String id = json.readTree(created.body()).get("id").asText();

        HttpResponse<String> changed = api.put(
                "/api/v1/proxies/" + proxyId + "/users/" + id,
                "{\"maxConnections\":4,\"expiresAt\":\"2031-01-01T00:00:00Z\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode user = json.readTree(changed.body());
        assertThat(user.get("maxConnections").asInt()).isEqualTo(4);
        assertThat(user.get("expiresAt").asText()).isEqualTo("2031-01-01T00:00:00Z");
        assertThat(app.core().outputLogin().logIn("alice", "secret1"))
                .isInstanceOf(io.tvarr.domain.account.port.in.Login.Granted.class);
    }

    @Test
    void a_too_short_new_password_is_refused_by_name() throws IOException {
        HttpResponse<String> created =
                api.post("/api/v1/proxies/" + proxyId + "/users", "{\"username\":\"alice\",\"password\":\"secret1\"}");
        String id = json.readTree(created.body()).get("id").asText();

        HttpResponse<String> refused =
                api.put("/api/v1/proxies/" + proxyId + "/users/" + id, "{\"password\":\"abc\",\"maxConnections\":1}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("password:");
    }
}
