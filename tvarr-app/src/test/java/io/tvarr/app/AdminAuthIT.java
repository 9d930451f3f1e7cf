package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin doors from outside: what an anonymous caller, a script with a key and a browser with a login get. */
class AdminAuthIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private TvarrApplication app;

    private TvarrApplication start(Map<ConfigKey, String> extra) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.toString());
        flags.putAll(extra);
        app = TvarrApplication.start(
                new ConfigLoader().load(null, Map.of(), flags), new PrintStream(console, true, StandardCharsets.UTF_8));
        return app;
    }

    private TvarrApplication startWithAdmin() {
        return start(Map.of(ConfigKey.ADMIN_PASSWORD, PASSWORD));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
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

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    }

    private static HttpRequest.BodyPublisher jsonBody(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private String apiKey(String scope) throws IOException {
        HttpResponse<String> created = new ApiClient(app)
                .post("/api/v1/api-keys", "{\"name\":\"script " + scope + "\",\"scope\":\"" + scope + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("token").asText();
    }

    /** Logs in through the API; returns the session cookie and the CSRF token. */
    private String[] logIn(String username, String password) throws IOException {
        HttpResponse<String> login = send(request("/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .POST(jsonBody("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tvarr_session="))
                .findFirst()
                .orElseThrow();
        return new String[] {
            cookie.substring(0, cookie.indexOf(';')),
            json.readTree(login.body()).get("csrfToken").asText()
        };
    }

    @Nested
    class Without_credentials {
        @Test
        void the_api_answers_401_as_a_problem_naming_both_ways_in() {
            startWithAdmin();

            HttpResponse<String> response = send(request("/api/v1/proxies"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tvarr\"");
            assertThat(response.body()).contains("Authorization: Bearer").contains("/login");
        }

        @Test
        void a_page_redirects_to_the_login_form_and_comes_back_after() {
            startWithAdmin();

            HttpResponse<String> response =
                    send(request("/?tab=proxies").header("Accept", "text/html,application/xhtml+xml"));

            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location"))
                    .hasValue("/login?next=" + URLEncoder.encode("/?tab=proxies", StandardCharsets.UTF_8));
        }

        @Test
        void health_the_api_document_and_the_players_doors_stay_open() {
            startWithAdmin();

            assertThat(send(request("/livez")).statusCode()).isEqualTo(200);
            assertThat(send(request("/readyz")).statusCode()).isEqualTo(200);
            assertThat(send(request("/openapi.json")).statusCode()).isEqualTo(200);
            // not 401: the proxy's own output access decides, and there is no such proxy
            assertThat(send(request("/proxy/nothing.m3u")).statusCode()).isEqualTo(404);
        }

        @Test
        void the_api_document_says_how_to_authenticate() throws IOException {
            startWithAdmin();

            JsonNode document = json.readTree(send(request("/openapi.json")).body());

            assertThat(document.at("/components/securitySchemes/apiKey/scheme").asText())
                    .isEqualTo("bearer");
            assertThat(document.at("/components/securitySchemes/session/in").asText())
                    .isEqualTo("cookie");
            assertThat(document.at("/paths/~1api~1v1~1proxies/get/security")).hasSize(2);
            assertThat(document.at("/paths/~1api~1v1~1auth~1login/post/security"))
                    .isEmpty();
        }
    }

    @Nested
    class Api_keys {
        @Test
        void a_read_key_may_look_but_not_change() throws IOException {
            startWithAdmin();
            String key = apiKey("read");

            HttpResponse<String> look = send(request("/api/v1/proxies").header("Authorization", "Bearer " + key));
            HttpResponse<String> change = send(request("/api/v1/filters")
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(jsonBody("{\"name\":\"x\",\"expression\":\"channel_name contains \\\"a\\\"\"}")));

            assertThat(look.statusCode()).isEqualTo(200);
            assertThat(change.statusCode()).isEqualTo(403);
            assertThat(change.body()).contains("scope read").contains("needs scope admin");
        }

        @Test
        void a_revoked_or_mistyped_key_is_refused() throws IOException {
            startWithAdmin();
            ApiClient admin = new ApiClient(app);
            HttpResponse<String> created =
                    admin.post("/api/v1/api-keys", "{\"name\":\"old script\",\"scope\":\"admin\"}");
            JsonNode issued = json.readTree(created.body());
            String key = issued.get("token").asText();

            assertThat(admin.delete("/api/v1/api-keys/" + issued.get("id").asText())
                            .statusCode())
                    .isEqualTo(204);

            assertThat(send(request("/api/v1/proxies").header("Authorization", "Bearer " + key))
                            .statusCode())
                    .isEqualTo(401);
            assertThat(send(request("/api/v1/proxies").header("Authorization", "Bearer tvarr_guess"))
                            .statusCode())
                    .isEqualTo(401);
            assertThat(send(request("/api/v1/proxies").header("Authorization", "Basic YWRtaW46YWRtaW4="))
                            .body())
                    .contains("only the Bearer scheme");
        }

        @Test
        void listing_keys_never_shows_a_secret() throws IOException {
            startWithAdmin();
            String key = apiKey("admin");

            String listed = new ApiClient(app).get("/api/v1/api-keys").body();

            assertThat(listed).contains("script admin").doesNotContain(key.substring(key.lastIndexOf('_') + 1));
        }

        @Test
        void every_change_lands_in_the_audit_trail_with_who_made_it() throws IOException {
            startWithAdmin();
            String key = apiKey("admin");
            send(
                    request("/api/v1/filters")
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(
                                    jsonBody(
                                            "{\"name\":\"no shopping\",\"domain\":\"stream_filter\",\"action\":\"exclude\",\"expression\":\"group_title contains \\\"Shop\\\"\"}")));

            JsonNode audit = json.readTree(
                    new ApiClient(app).get("/api/v1/audit?size=50").body());

            assertThat(audit.get("items"))
                    .anySatisfy(entry -> {
                        assertThat(entry.get("actor").asText()).isEqualTo("key:script admin");
                        assertThat(entry.get("action").asText()).isEqualTo("POST /api/v1/filters");
                        assertThat(entry.get("outcome").asText()).isEqualTo("201");
                    })
                    .anySatisfy(
                            entry -> assertThat(entry.get("action").asText()).isEqualTo("admin user added"));
        }
    }

    @Nested
    class Browser_sessions {
        @Test
        void a_login_sets_a_cookie_scripts_and_other_sites_cannot_use() {
            startWithAdmin();

            HttpResponse<String> login = send(request("/api/v1/auth/login")
                    .header("Content-Type", "application/json")
                    .POST(jsonBody("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")));

            assertThat(login.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie)
                            .startsWith("tvarr_session=")
                            .containsIgnoringCase("HttpOnly")
                            .containsIgnoringCase("SameSite=Lax")
                            .contains("Path=/"));
        }

        @Test
        void changes_need_the_session_csrf_token_reads_do_not() throws IOException {
            startWithAdmin();
            String[] session = logIn("admin", PASSWORD);
            String filter =
                    "{\"name\":\"f\",\"domain\":\"stream_filter\",\"action\":\"exclude\",\"expression\":\"channel_name contains \\\"a\\\"\"}";

            HttpResponse<String> read = send(request("/api/v1/proxies").header("Cookie", session[0]));
            HttpResponse<String> forged = send(request("/api/v1/filters")
                    .header("Cookie", session[0])
                    .header("Content-Type", "application/json")
                    .POST(jsonBody(filter)));
            HttpResponse<String> made = send(request("/api/v1/filters")
                    .header("Cookie", session[0])
                    .header("X-CSRF-Token", session[1])
                    .header("Content-Type", "application/json")
                    .POST(jsonBody(filter)));

            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("X-CSRF-Token");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        }

        @Test
        void logging_out_ends_the_session() throws IOException {
            startWithAdmin();
            String[] session = logIn("admin", PASSWORD);

            HttpResponse<String> out = send(request("/api/v1/auth/logout")
                    .header("Cookie", session[0])
                    .header("X-CSRF-Token", session[1])
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(out.statusCode()).isEqualTo(204);
            assertThat(send(request("/api/v1/proxies").header("Cookie", session[0]))
                            .statusCode())
                    .isEqualTo(401);
        }

        @Test
        void a_changed_password_ends_the_sessions_made_with_the_old_one() throws IOException {
            startWithAdmin();
            String[] session = logIn("admin", PASSWORD);

            new ApiClient(app).put("/api/v1/admin-users/admin/password", "{\"password\":\"another long one\"}");

            assertThat(send(request("/api/v1/proxies").header("Cookie", session[0]))
                            .statusCode())
                    .isEqualTo(401);
            logIn("admin", "another long one");
        }

        @Test
        void guessing_is_held_off_after_five_failures_even_for_the_right_password() {
            startWithAdmin();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = send(request("/api/v1/auth/login")
                        .header("Content-Type", "application/json")
                        .POST(jsonBody("{\"username\":\"admin\",\"password\":\"guess number " + i + "\"}")));
                assertThat(wrong.statusCode()).isEqualTo(401);
            }

            HttpResponse<String> held = send(request("/api/v1/auth/login")
                    .header("Content-Type", "application/json")
                    .POST(jsonBody("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")));

            assertThat(held.statusCode()).isEqualTo(429);
            assertThat(held.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Nested
    class Login_form {
        @Test
        void refuses_a_post_without_the_forms_csrf_token() {
            startWithAdmin();

            HttpResponse<String> posted = send(request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))));

            assertThat(posted.statusCode()).isEqualTo(403);
            assertThat(posted.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tvarr_session="));
        }

        @Test
        void logs_in_with_the_token_and_goes_where_it_was_asked_but_never_off_site() {
            startWithAdmin();
            HttpResponse<String> form = send(request("/login?next=/docs"));
            String csrf = hidden(form.body(), "csrf");
            String cookie = form.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("tvarr_login_csrf="))
                    .findFirst()
                    .orElseThrow();

            HttpResponse<String> posted = send(request("/login")
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&next=/docs&username=admin&password="
                            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))));

            assertThat(posted.statusCode()).isEqualTo(303);
            assertThat(posted.headers().firstValue("Location")).hasValue("/docs");
            assertThat(posted.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tvarr_session="));
            assertThat(send(request("/login?next=//evil.example/")).body()).contains("name=\"next\" value=\"/\"");
        }
    }

    @Nested
    class First_start {
        @Test
        void without_a_password_prints_a_one_time_setup_link_that_makes_the_first_admin() throws IOException {
            start(Map.of());
            Matcher link = Pattern.compile("/setup\\?token=([A-Za-z0-9_-]+)").matcher(console.toString());
            assertThat(link.find()).as(console.toString()).isTrue();
            String token = link.group(1);
            assertThat(send(request("/setup?token=" + token)).statusCode()).isEqualTo(200);

            HttpResponse<String> made = send(request("/api/v1/auth/setup")
                    .header("Content-Type", "application/json")
                    .POST(jsonBody(
                            "{\"token\":\"" + token + "\",\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}")));
            HttpResponse<String> again = send(request("/api/v1/auth/setup")
                    .header("Content-Type", "application/json")
                    .POST(jsonBody("{\"token\":\"" + token + "\",\"username\":\"mallory\",\"password\":\"" + PASSWORD
                            + "\"}")));

            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(404);
            logIn("alice", PASSWORD);
        }

        @Test
        void with_a_password_makes_the_admin_and_prints_no_link() throws IOException {
            startWithAdmin();

            assertThat(console.toString()).doesNotContain("/setup");
            logIn("admin", PASSWORD);
        }

        @Test
        void disabled_authentication_answers_everyone() {
            start(Map.of(ConfigKey.AUTH_DISABLED, "true"));

            assertThat(send(request("/api/v1/proxies")).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Nothing_secret_in_the_log {
        private final ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();

        @Test
        void passwords_api_keys_and_session_tokens_never_reach_a_log_line() throws IOException {
            logs.start();
            root.addAppender(logs);
            ch.qos.logback.classic.Level level = root.getLevel();
            root.setLevel(ch.qos.logback.classic.Level.DEBUG);
            String key;
            String[] session;
            try {
                startWithAdmin();
                key = apiKey("admin");
                session = logIn("admin", PASSWORD);
                send(request("/api/v1/auth/login")
                        .header("Content-Type", "application/json")
                        .POST(jsonBody("{\"username\":\"admin\",\"password\":\"wrong but secret\"}")));
                send(request("/api/v1/proxies").header("Authorization", "Bearer " + key));
                new ApiClient(app)
                        .post("/api/v1/admin-users", "{\"username\":\"bob\",\"password\":\"bobs long secret\"}");
                app.close();
                app = null;
            } finally {
                root.detachAppender(logs);
                root.setLevel(level);
            }
            String secretPart = key.substring(key.lastIndexOf('_') + 1);
            String cookie = session[0].substring(session[0].indexOf('=') + 1);

            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list)
                    .allSatisfy(event -> assertThat(event.getFormattedMessage()
                                    + (event.getThrowableProxy() == null
                                            ? ""
                                            : ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(
                                                    event.getThrowableProxy())))
                            .doesNotContain(
                                    PASSWORD, "wrong but secret", "bobs long secret", secretPart, cookie, session[1]));
        }
    }

    @Nested
    class Command_line {
        @Test
        void adds_a_user_whose_password_comes_on_standard_input() throws IOException {
            Path data = dir.resolve("cli");
            java.io.InputStream stdin = System.in;
            int exit;
            try {
                System.setIn(new java.io.ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
                exit = TvarrCommand.commandLine()
                        .execute("user", "add", "carol", "--password-stdin", "--data-dir", data.toString());
            } finally {
                System.setIn(stdin);
            }
            assertThat(exit).isZero();

            start(Map.of(ConfigKey.DATA_DIR, data.toString()));
            assertThat(console.toString()).doesNotContain("/setup");
            logIn("carol", PASSWORD);
        }
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }
}
