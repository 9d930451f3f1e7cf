package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read a proxy's outputs, on a real server that trusts 127.0.0.1 as a reverse proxy, so a test plays a
 * client anywhere with {@code X-Forwarded-For}. Streams are asked with HEAD: the grant is decided before the relay
 * would open anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputAccessIT {
    private static final String OUTSIDE = "203.0.113.9";
    private static final Pattern STREAM =
            Pattern.compile("^http://[^/]+(/proxy/[^/\\s]+/[0-9a-f-]{36})$", Pattern.MULTILINE);

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TvarrApplication app;
    private ApiClient api;
    private String source;

    @BeforeAll
    void start() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="one.tv" group-title="News",One
                http://127.0.0.1:9/one.ts
                #EXTINF:-1 tvg-id="two.tv" group-title="News",Two
                http://127.0.0.1:9/two.ts
                """);
        app = start(dir.resolve("data"), inputs, "127.0.0.1/32");
        api = new ApiClient(app);
        source = id(api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\""
                        + inputs.resolve("provider.m3u").toUri() + "\"}"));
        assertThat(api.post("/api/v1/sources/stream/" + source + "/ingest", "").statusCode())
                .isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && !api.get("/api/v1/sources/stream/" + source + "/status")
                        .body()
                        .contains("\"succeeded\"")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static TvarrApplication start(Path data, Path inputs, String trustedProxies) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, data.toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.SERVER_TRUSTED_PROXIES, trustedProxies);
        return TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private String proxy(String name) throws IOException {
        return id(api.post(
                "/api/v1/proxies",
                "{\"name\":\"" + name + "\",\"sources\":[\"" + source + "\"],\"deliveryMode\":\"proxy\"}"));
    }

    private JsonNode access(String proxy, String body) throws IOException {
        HttpResponse<String> response = api.put("/api/v1/proxies/" + proxy + "/access", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, @Nullable String forwardedFor) {
        return send("GET", app.port(), path, forwardedFor);
    }

    private HttpResponse<String> head(String path, @Nullable String forwardedFor) {
        return send("HEAD", app.port(), path, forwardedFor);
    }

    private HttpResponse<String> send(String method, int port, String path, @Nullable String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> streamPaths(String playlist) {
        Matcher matcher = STREAM.matcher(playlist);
        List<String> paths = new java.util.ArrayList<>();
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        return paths;
    }

    private String id(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    @Nested
    class Lan {
        @Test
        void a_new_proxy_answers_the_local_networks_only() throws IOException {
            proxy("Kitchen");

            assertThat(get("/proxy/kitchen.m3u", null).statusCode()).isEqualTo(200);
            assertThat(get("/proxy/kitchen.m3u", "192.168.1.5").statusCode()).isEqualTo(200);
            HttpResponse<String> outside = get("/proxy/kitchen.m3u", OUTSIDE);
            assertThat(outside.statusCode()).isEqualTo(403);
            assertThat(outside.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json.readTree(outside.body()).get("detail").asText())
                    .isEqualTo("client 203.0.113.9: outside the networks this proxy answers");
            assertThat(get("/proxy/kitchen/epg.xml", OUTSIDE).statusCode()).isEqualTo(403);
        }

        @Test
        void the_client_is_the_rightmost_forwarded_address_that_is_no_trusted_proxy() throws IOException {
            proxy("Hall");

            assertThat(get("/proxy/hall.m3u", OUTSIDE + ", 127.0.0.1").statusCode())
                    .isEqualTo(403);
            assertThat(get("/proxy/hall.m3u", OUTSIDE + ", 10.0.0.7").statusCode())
                    .isEqualTo(200);
            assertThat(get("/proxy/hall.m3u", "not-an-address").statusCode()).isEqualTo(400);
        }

        @Test
        void forwarded_for_is_ignored_from_a_peer_that_is_not_a_trusted_proxy() throws IOException {
            Path inputs = Files.createDirectories(dir.resolve("untrusting-inputs"));
            try (TvarrApplication untrusting = start(dir.resolve("untrusting"), inputs, "")) {
                ApiClient other = new ApiClient(untrusting);
                assertThat(other.post("/api/v1/proxies", "{\"name\":\"Attic\"}").statusCode())
                        .isEqualTo(201);

                assertThat(send("GET", untrusting.port(), "/proxy/attic.m3u", OUTSIDE)
                                .statusCode())
                        .as("the peer 127.0.0.1 is the client, inside the local networks")
                        .isEqualTo(200);
            }
        }

        @Test
        void ipv6_ranges_answer_their_addresses_only() throws IOException {
            String proxy = proxy("Garden");

            JsonNode view = access(proxy, "{\"mode\":\"lan\",\"allowedRanges\":[\"2001:db8::/32\"]}");

            assertThat(view.get("allowedRanges").toString()).isEqualTo("[\"2001:db8:0:0:0:0:0:0/32\"]");
            assertThat(get("/proxy/garden.m3u", "2001:db8::5").statusCode()).isEqualTo(200);
            assertThat(get("/proxy/garden.m3u", "[2001:db8:1::1]:4711").statusCode())
                    .isEqualTo(200);
            assertThat(get("/proxy/garden.m3u", "2001:db9::5").statusCode()).isEqualTo(403);
            assertThat(get("/proxy/garden.m3u", null).statusCode())
                    .as("127.0.0.1 is not in it")
                    .isEqualTo(403);
        }

        @Test
        void a_bad_range_is_a_400_naming_it() throws IOException {
            String proxy = proxy("Porch");

            HttpResponse<String> response =
                    api.put("/api/v1/proxies/" + proxy + "/access", "{\"mode\":\"lan\",\"allowedRanges\":[\"home\"]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("detail").asText())
                    .startsWith("allowed_ranges[0]: 'home' (expected: an IPv4 or IPv6 address");
        }

        @Test
        void logos_are_refused_to_a_client_that_may_read_no_proxy() throws IOException {
            proxy("Cellar");
            String logo = "/logos/" + "0".repeat(64) + ".png";

            assertThat(get(logo, OUTSIDE).statusCode()).isEqualTo(403);
            assertThat(get(logo, null).statusCode())
                    .as("allowed, and not cached")
                    .isEqualTo(404);
        }
    }

    @Nested
    class Open {
        @Test
        void answers_anyone() throws IOException {
            String proxy = proxy("Lobby");

            access(proxy, "{\"mode\":\"open\"}");

            assertThat(get("/proxy/lobby.m3u", OUTSIDE).statusCode()).isEqualTo(200);
            access(proxy, "{\"mode\":\"lan\"}");
            assertThat(get("/proxy/lobby.m3u", OUTSIDE).statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Token {
        @Test
        void a_token_playlist_opens_from_anywhere_and_so_do_the_streams_in_it() throws IOException {
            String proxy = proxy("Travel");
            JsonNode view = access(proxy, "{\"mode\":\"token\"}");
            String token = view.get("token").asText();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(view.get("playlistUrl").asText()).endsWith("/proxy/" + token + ".m3u");

            HttpResponse<String> playlist = get("/proxy/" + token + ".m3u", OUTSIDE);

            assertThat(playlist.statusCode()).isEqualTo(200);
            assertThat(playlist.body()).contains("url-tvg=\"").contains("/proxy/" + token + ".xmltv\"");
            List<String> streams = streamPaths(playlist.body());
            assertThat(streams).hasSize(2).allSatisfy(path -> assertThat(path).startsWith("/proxy/" + token + "/"));
            for (String stream : streams) {
                assertThat(head(stream, OUTSIDE).statusCode()).as(stream).isEqualTo(200);
            }
            assertThat(get("/proxy/" + token + ".xmltv", OUTSIDE).statusCode()).isEqualTo(200);
            assertThat(get("/proxy/travel.m3u?token=" + token, OUTSIDE).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void named_without_its_token_it_is_unknown_even_from_home_and_a_wrong_token_is_401() throws IOException {
            String proxy = proxy("Boat");
            String token = access(proxy, "{\"mode\":\"token\"}").get("token").asText();
            String stream =
                    streamPaths(get("/proxy/" + token + ".m3u", null).body()).get(0);
            String channel = stream.substring(stream.lastIndexOf('/') + 1);

            HttpResponse<String> bySlug = get("/proxy/boat.m3u", null);
            assertThat(bySlug.statusCode()).isEqualTo(404);
            assertThat(json.readTree(bySlug.body()).get("detail").asText())
                    .isEqualTo(
                            json.readTree(get("/proxy/no-such-proxy.m3u", null).body())
                                    .get("detail")
                                    .asText()
                                    .replace("no-such-proxy", "boat"));
            assertThat(get("/proxy/" + proxy + "/playlist.m3u", null).statusCode())
                    .isEqualTo(404);
            assertThat(head("/proxy/" + proxy + "/" + channel, null).statusCode())
                    .isEqualTo(404);
            HttpResponse<String> wrong = get("/proxy/boat.m3u?token=" + token.substring(1) + "x", null);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(wrong.body()).doesNotContain(token);
        }

        @Test
        void rotating_refuses_old_urls_at_once_and_republishes_with_the_new_token() throws IOException {
            String proxy = proxy("Van");
            String old = access(proxy, "{\"mode\":\"token\"}").get("token").asText();
            assertThat(get("/proxy/" + old + ".m3u", OUTSIDE).statusCode()).isEqualTo(200);

            HttpResponse<String> rotated = api.post("/api/v1/proxies/" + proxy + "/access/token", "");

            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
            String token = json.readTree(rotated.body()).get("token").asText();
            assertThat(token).isNotEqualTo(old);
            assertThat(get("/proxy/" + old + ".m3u", OUTSIDE).statusCode()).isEqualTo(404);
            assertThat(get("/proxy/van.m3u?token=" + old, OUTSIDE).statusCode()).isEqualTo(401);
            HttpResponse<String> playlist = get("/proxy/" + token + ".m3u", OUTSIDE);
            assertThat(playlist.statusCode()).isEqualTo(200);
            assertThat(playlist.body()).doesNotContain(old);
            assertThat(streamPaths(playlist.body()))
                    .allSatisfy(path -> assertThat(path).startsWith("/proxy/" + token));
            JsonNode view = json.readTree(api.get("/api/v1/proxies/" + proxy).body());
            assertThat(view.get("outputAccess").get("token").asText()).isEqualTo(token);
            assertThat(view.get("playlistPath").asText()).isEqualTo("/proxy/" + token + ".m3u");
        }

        @Test
        void rotating_a_proxy_not_in_token_mode_is_a_conflict() throws IOException {
            String proxy = proxy("Shed");

            assertThat(api.post("/api/v1/proxies/" + proxy + "/access/token", "")
                            .statusCode())
                    .isEqualTo(409);
        }

        @Test
        void the_hdhomerun_device_lives_under_the_token() throws IOException {
            String proxy = proxy("Cabin");
            JsonNode view = access(proxy, "{\"mode\":\"token\"}");
            String token = view.get("token").asText();
            assertThat(view.get("hdhomerunUrl").asText()).endsWith("/hdhr/" + token);

            HttpResponse<String> discover = get("/hdhr/" + token + "/discover.json", OUTSIDE);
            HttpResponse<String> lineup = get("/hdhr/" + token + "/lineup.json", OUTSIDE);

            assertThat(discover.statusCode()).isEqualTo(200);
            assertThat(json.readTree(discover.body()).get("BaseURL").asText()).endsWith("/hdhr/" + token);
            assertThat(lineup.statusCode()).isEqualTo(200);
            JsonNode channels = json.readTree(lineup.body());
            assertThat(channels).hasSize(2);
            String url = channels.get(0).get("URL").asText();
            assertThat(url).contains("/proxy/" + token + "/");
            assertThat(head(URI.create(url).getRawPath() + "?tuner=1", OUTSIDE).statusCode())
                    .isEqualTo(200);
            assertThat(get("/hdhr/cabin/discover.json", null).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Xtream {
        @Test
        void a_lan_proxys_logins_are_refused_from_outside_after_the_login() throws IOException {
            String proxy = proxy("Den");
            assertThat(api.post(
                                    "/api/v1/proxies/" + proxy + "/users",
                                    "{\"username\":\"den-user\",\"password\":\"secret1\"}")
                            .statusCode())
                    .isEqualTo(201);
            String login = "username=den-user&password=secret1";

            assertThat(get("/player_api.php?" + login, null).statusCode()).isEqualTo(200);
            assertThat(get("/player_api.php?" + login, OUTSIDE).statusCode()).isEqualTo(403);
            assertThat(get("/get.php?" + login, OUTSIDE).statusCode()).isEqualTo(403);
            assertThat(get("/xmltv.php?" + login, OUTSIDE).statusCode()).isEqualTo(403);
            assertThat(head("/live/den-user/secret1/1.ts", OUTSIDE).statusCode())
                    .isEqualTo(403);
            assertThat(get("/player_api.php?username=den-user&password=wrong", OUTSIDE)
                            .body())
                    .as("a wrong password from outside answers as anywhere")
                    .contains("\"auth\":0");
        }

        @Test
        void a_token_proxys_logins_are_its_secret_and_open_anywhere() throws IOException {
            String proxy = proxy("Loft");
            access(proxy, "{\"mode\":\"token\"}");
            api.post("/api/v1/proxies/" + proxy + "/users", "{\"username\":\"loft-user\",\"password\":\"secret1\"}");

            assertThat(get("/get.php?username=loft-user&password=secret1", OUTSIDE)
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
