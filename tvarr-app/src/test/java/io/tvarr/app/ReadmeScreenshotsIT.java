package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's screenshots, taken of the real pages in Chromium: the dashboard with what needs action, the filter
 * editor marking a mistake at its column, and a proxy's page with the URLs for players. Each is saved under
 * {@code target/screenshots/}; with {@code -Dtvarr.screenshots=../docs/screenshots} also where the README shows them.
 */
class ReadmeScreenshotsIT {
    private static final String PASSWORD = "correct horse battery";
    private static final Path TAKEN = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private Browser browser;

    @BeforeEach
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path playlist = Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" tvg-chno="101" group-title="UK",UK: BBC One
                http://up.example/1.ts
                #EXTINF:-1 tvg-id="itv1.uk" tvg-chno="103" group-title="UK",UK: ITV 1
                http://up.example/2.ts
                #EXTINF:-1 tvg-id="news.fr" tvg-logo="http://127.0.0.1:9/news.png" group-title="FR",FR: Info
                http://up.example/3.ts
                """);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        String source = create(
                "/api/v1/sources/stream",
                "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}");
        api.ingest("/api/v1/sources/stream/" + source);
        browser = Browser.open(Files.createDirectories(dir.resolve("chromium")), "http://127.0.0.1:" + app.port());
        browser.logIn("admin", PASSWORD);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
    }

    private String create(String path, String body) throws IOException {
        HttpResponse<String> response = api.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    /** Saves the page as {@code name}.png, and into the README's folder when asked. */
    private void keep(String name) throws IOException {
        browser.screenshot(name);
        String wanted = System.getProperty("tvarr.screenshots");
        if (wanted != null && !wanted.isBlank()) {
            Path target = Files.createDirectories(Path.of(wanted));
            Files.copy(
                    TAKEN.resolve(name + ".png"), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void the_dashboard_the_filter_editor_with_a_mistake_and_a_proxy_page() throws IOException {
        String proxy = create(
                "/api/v1/proxies",
                "{\"name\":\"Living room\",\"sources\":[\""
                        + json.readTree(api.get("/api/v1/sources/stream").body())
                                .get(0)
                                .get("id")
                                .asText()
                        + "\"],\"numberingMode\":\"sequential\",\"numberingStart\":1,\"cacheLogos\":true}");
        assertThat(api.post("/api/v1/proxies/" + proxy + "/regenerate", "").statusCode())
                .isEqualTo(200);

        browser.go("/");
        browser.waitFor("li.warning[data-kind='failed_logos']");
        keep("dashboard");

        browser.go("/filters/new");
        browser.type("#name", "UK only");
        browser.type("#expression", "group_title contians \"UK\"");
        String marked = browser.waitFor("#expression-problem mark").getText();
        keep("filter-error");

        browser.go("/proxies/" + proxy);
        browser.click("#regenerate");
        String channels = browser.waitFor("#report-channels").getText();
        keep("proxy");

        assertThat(marked).isEqualTo("c");
        assertThat(channels).isEqualTo("3");
        assertThat(browser.heading()).isEqualTo("Living room");
    }
}
