package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.account.port.in.Login;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The players page of a proxy over plain HTTP, as a browser without scripts sends its forms: output users added,
 * changed and deleted, the output access changed, and refused input shown next to its field with nothing stored.
 */
class PlayerPagesIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private String cookie;
    private String csrf;
    private String proxy;

    @BeforeEach
    void start() throws IOException {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        HttpResponse<String> created = api.post("/api/v1/proxies", "{\"name\":\"Living room\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        proxy = json.readTree(created.body()).get("id").asText();
        HttpResponse<String> login = send(request("/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tvarr_session="))
                .findFirst()
                .orElseThrow();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        csrf = json.readTree(login.body()).get("csrfToken").asText();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private String page() {
        return "/proxies/" + proxy + "/players";
    }

    private String userId(String username) throws IOException {
        for (JsonNode user :
                json.readTree(api.get("/api/v1/proxies/" + proxy + "/users").body())) {
            if (user.get("username").asText().equals(username)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError("no user " + username);
    }

    private Login logIn(String username, String password) {
        return app.core().outputLogin().logIn(username, password);
    }

    @Nested
    class Output_users {
        @Test
        void are_added_changed_and_deleted_and_no_password_or_hash_is_ever_shown() throws IOException {
            redirectsTo(
                    post(
                            page() + "/users",
                            Map.of(
                                    "username",
                                    "alice",
                                    "password",
                                    "secret1",
                                    "expires_at",
                                    "2030-01-31",
                                    "max_connections",
                                    "2")),
                    page());

            String shown = get(page()).body();
            assertThat(row(shown, "alice")).contains("2030-01-31 00:00:00 UTC").contains(">2<");
            assertThat(shown).doesNotContain("secret1").doesNotContain("argon2");
            assertThat(logIn("alice", "secret1")).isInstanceOf(Login.Granted.class);

            String id = userId("alice");
            assertThat(get(page() + "?edit=" + id).body())
                    .contains("Change alice")
                    .contains("2030-01-31T00:00:00Z");
            redirectsTo(
                    post(
                            page() + "/users/" + id,
                            Map.of("password", "newpass9", "expires_at", "", "max_connections", "3")),
                    page());
            assertThat(row(get(page()).body(), "alice")).contains("never").contains(">3<");
            assertThat(logIn("alice", "newpass9")).isInstanceOf(Login.Granted.class);
            assertThat(logIn("alice", "secret1")).isInstanceOf(Login.Refused.class);

            assertThat(get(page() + "/users/" + id + "/delete").body())
                    .contains("output user 'alice'")
                    .contains("id=\"confirm-delete\"");
            redirectsTo(post(page() + "/users/" + id + "/delete", Map.of()), page());
            assertThat(get(page()).body()).contains("id=\"no-users\"");
            assertThat(logIn("alice", "newpass9")).isInstanceOf(Login.Refused.class);
        }

        @Test
        void a_too_short_password_is_shown_next_to_its_field_and_no_user_is_stored() throws IOException {
            HttpResponse<String> refused = post(
                    page() + "/users",
                    Map.of("username", "alice", "password", "abc", "expires_at", "", "max_connections", "1"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(fieldError(refused.body(), "password"))
                    .contains("password: (expected: 4-128 characters without '/' or white space)");
            // the typed username stays, the typed password is never sent back
            assertThat(refused.body()).contains("value=\"alice\"").doesNotContain("value=\"abc\"");
            assertThat(json.readTree(
                            api.get("/api/v1/proxies/" + proxy + "/users").body()))
                    .isEmpty();
        }

        @Test
        void a_taken_username_and_a_bad_limit_are_shown_next_to_their_fields() throws IOException {
            post(
                    page() + "/users",
                    Map.of("username", "alice", "password", "secret1", "expires_at", "", "max_connections", "1"));

            HttpResponse<String> taken = post(
                    page() + "/users",
                    Map.of("username", "alice", "password", "other12", "expires_at", "", "max_connections", "1"));
            HttpResponse<String> limit = post(
                    page() + "/users/" + userId("alice"),
                    Map.of("password", "", "expires_at", "", "max_connections", "500"));

            assertThat(taken.statusCode()).isEqualTo(400);
            assertThat(fieldError(taken.body(), "username")).contains("username: 'alice' is already taken");
            assertThat(limit.statusCode()).isEqualTo(400);
            assertThat(fieldError(limit.body(), "max_connections")).startsWith("max_connections:");
            assertThat(logIn("alice", "secret1")).isInstanceOf(Login.Granted.class);
        }
    }

    @Nested
    class Output_access {
        @Test
        void shows_the_lan_default_and_changes_mode_and_ranges() throws IOException {
            String shown = get(page()).body();
            assertThat(shown).contains("Now: <strong>lan</strong>").contains("192.168.0.0/16");

            redirectsTo(
                    post(page() + "/access", Map.of("mode", "lan", "allowed_ranges", "10.1.0.0/16\n\n192.168.5.0/24")),
                    page());
            JsonNode access = json.readTree(
                    api.get("/api/v1/proxies/" + proxy + "/access").body());
            assertThat(access.get("mode").asText()).isEqualTo("lan");
            assertThat(access.get("allowedRanges").toString()).isEqualTo("[\"10.1.0.0/16\",\"192.168.5.0/24\"]");

            redirectsTo(post(page() + "/access", Map.of("mode", "token", "allowed_ranges", "10.1.0.0/16")), page());
            assertThat(get(page()).body())
                    .contains("Now: <strong>token</strong>")
                    .contains("id=\"rotate-token\"");
        }

        @Test
        void a_bad_cidr_is_shown_next_to_the_ranges_and_the_access_is_unchanged() throws IOException {
            HttpResponse<String> refused =
                    post(page() + "/access", Map.of("mode", "lan", "allowed_ranges", "10.0.0.0/8\n10.0.0.0/33"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(fieldError(refused.body(), "allowed_ranges")).startsWith("allowed_ranges[1]");
            // the typed ranges stay in the field so the typo can be fixed
            assertThat(refused.body()).contains("10.0.0.0/33");
            JsonNode access = json.readTree(
                    api.get("/api/v1/proxies/" + proxy + "/access").body());
            assertThat(access.get("allowedRanges").toString()).contains("192.168.0.0/16");
        }
    }

    @Test
    void the_proxy_page_links_to_the_players_page() {
        assertThat(get("/proxies/" + proxy).body()).contains("href=\"/proxies/" + proxy + "/players\"");
    }

    private static String row(String html, String username) {
        Matcher row = Pattern.compile("<tr data-user=\"" + username + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as(html).isTrue();
        return row.group(1);
    }

    private static String fieldError(String html, String field) {
        Matcher error = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">(.*?)</p>")
                .matcher(html);
        assertThat(error.find()).as(html).isTrue();
        return error.group(1);
    }

    private static void redirectsTo(HttpResponse<String> response, String location) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains(location);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).header("Cookie", cookie).header("Accept", "text/html"));
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf);
        StringBuilder body = new StringBuilder();
        all.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(request(path)
                .header("Cookie", cookie)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }
}
