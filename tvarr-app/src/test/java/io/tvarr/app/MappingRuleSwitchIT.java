package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** A mapping rule switched off for one proxy: over the API, and on the proxy form in a real Chromium. */
class MappingRuleSwitchIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private String source;
    private String rule;

    @BeforeEach
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path playlist = Files.writeString(
                inputs.resolve("provider.m3u"),
                "#EXTM3U\n#EXTINF:-1 tvg-id=\"bbc1.uk\",UK: BBC One\nhttp://up.example/1.ts\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        source = create(
                "/api/v1/sources/stream",
                "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}");
        api.ingest("/api/v1/sources/stream/" + source);
        rule = create(
                "/api/v1/data-mapping",
                "{\"name\":\"Strip prefix\",\"domain\":\"stream_mapping\",\"expression\":"
                        + "\"channel_name starts_with \\\"UK: \\\" SET channel_name = \\\"Renamed\\\"\"}");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String create(String path, String body) throws IOException {
        HttpResponse<String> response = api.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private String proxyBody(boolean active) {
        return "{\"name\":\"Living room\",\"sources\":[\"" + source + "\"],\"mappingRules\":[{\"ruleId\":\"" + rule
                + "\",\"active\":" + active + "}]}";
    }

    private String playlistAfterRegenerating(String proxy) {
        HttpResponse<String> generated = api.post("/api/v1/proxies/" + proxy + "/regenerate", "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        return api.get("/proxy/living-room.m3u").body();
    }

    @Nested
    class Over_the_api {
        @Test
        void a_rule_switched_off_stays_attached_and_changes_nothing_until_switched_on() throws IOException {
            String proxy = create("/api/v1/proxies", proxyBody(false));

            String off = playlistAfterRegenerating(proxy);
            JsonNode stored = json.readTree(api.get("/api/v1/proxies/" + proxy).body());
            api.put("/api/v1/proxies/" + proxy, proxyBody(true));
            String on = playlistAfterRegenerating(proxy);

            assertThat(off).contains("UK: BBC One").doesNotContain("Renamed");
            assertThat(stored.get("mappingRules").get(0).get("ruleId").asText()).isEqualTo(rule);
            assertThat(stored.get("mappingRules").get(0).get("active").asBoolean())
                    .isFalse();
            assertThat(on).contains("Renamed");
        }

        @Test
        void a_rule_without_its_id_is_refused_naming_the_place() {
            HttpResponse<String> refused =
                    api.post("/api/v1/proxies", "{\"name\":\"Living room\",\"mappingRules\":[{\"active\":false}]}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("mappingRules[0].ruleId");
        }
    }

    @Nested
    class On_the_proxy_form {
        private Browser browser;

        @BeforeEach
        void open() throws IOException {
            browser = Browser.open(Files.createDirectories(dir.resolve("chromium")), "http://127.0.0.1:" + app.port());
            browser.logIn("admin", PASSWORD);
        }

        @AfterEach
        void close(TestInfo test) {
            browser.screenshot(test.getTestMethod().orElseThrow().getName());
            browser.close();
        }

        @Test
        void switches_a_rule_off_for_the_proxy_and_back_on() {
            browser.go("/proxies/new");
            browser.type("#name", "Living room");
            browser.find(By.xpath("//label[contains(., 'Provider')]/input[@name='sources']"))
                    .click();
            browser.find(By.cssSelector("input[name='mapping_rules'][value='" + rule + "']"))
                    .click();
            browser.find(By.cssSelector("input[name='mapping_rules_off'][value='" + rule + "']"))
                    .click();
            browser.click("#save");
            browser.until(d -> browser.heading().equals("Living room"));

            assertThat(browser.find("#main").getText()).contains("Strip prefix (switched off)");
            String proxy = browser.path().substring("/proxies/".length());
            assertThat(playlistAfterRegenerating(proxy)).doesNotContain("Renamed");

            browser.go("/proxies/" + proxy + "/edit");
            browser.find(By.cssSelector("input[name='mapping_rules_off'][value='" + rule + "']"))
                    .click();
            browser.click("#save");
            browser.until(d -> browser.heading().equals("Living room"));

            assertThat(browser.find("#main").getText()).contains("Strip prefix").doesNotContain("(switched off)");
            assertThat(playlistAfterRegenerating(proxy)).contains("Renamed");
        }
    }
}
