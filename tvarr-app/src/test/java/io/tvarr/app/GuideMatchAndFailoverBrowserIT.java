package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The guide matches and failover pages in a real Chromium, used as a person would, from the proxy's page. */
class GuideMatchAndFailoverBrowserIT {
    private static final String PASSWORD = "correct horse battery";
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private Browser browser;
    private String proxy;

    @BeforeEach
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" group-title="UK",UK: BBC One HD
                http://up.example/1.ts
                #EXTINF:-1 tvg-id="" group-title="UK",ITV 1 (1080p)
                http://up.example/2.ts
                #EXTINF:-1 tvg-id="" group-title="UK",ITV +1
                http://up.example/3.ts
                #EXTINF:-1 tvg-id="" group-title="UK",Local Weather
                http://up.example/4.ts
                """);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Files.writeString(
                inputs.resolve("guide.xml"),
                "<?xml version=\"1.0\"?><tv>"
                        + "<channel id=\"bbc1.uk\"><display-name>BBC One</display-name></channel>"
                        + "<channel id=\"itv1.uk\"><display-name>ITV1</display-name></channel>"
                        + "<channel id=\"weather\"><display-name>Weather Nation</display-name></channel>"
                        + "<programme start=\"" + XMLTV.format(hour) + "\" stop=\""
                        + XMLTV.format(hour.plus(Duration.ofHours(1)))
                        + "\" channel=\"bbc1.uk\"><title>News</title></programme>"
                        + "</tv>");
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
                "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\""
                        + inputs.resolve("provider.m3u").toUri() + "\"}");
        String guide = create(
                "/api/v1/sources/epg",
                "{\"name\":\"Guide\",\"kind\":\"xmltv\",\"url\":\""
                        + inputs.resolve("guide.xml").toUri() + "\"}");
        api.ingest("/api/v1/sources/stream/" + source);
        api.ingest("/api/v1/sources/epg/" + guide);
        proxy = create(
                "/api/v1/proxies",
                "{\"name\":\"Living room\",\"sources\":[\"" + source + "\"],\"epgSources\":[\"" + guide + "\"]}");
        browser = Browser.open(Files.createDirectories(dir.resolve("chromium")), "http://127.0.0.1:" + app.port());
        browser.logIn("admin", PASSWORD);
    }

    @AfterEach
    void stop(TestInfo test) {
        if (browser != null) {
            browser.screenshot(test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
        app.close();
    }

    private String create(String path, String body) throws IOException {
        HttpResponse<String> response = api.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private String channelId(String name) throws IOException {
        for (JsonNode match : json.readTree(
                        api.get("/api/v1/proxies/" + proxy + "/guide-matches").body())
                .get("matches")) {
            if (match.get("channelName").asText().equals(name)) {
                return match.get("channelId").asText();
            }
        }
        throw new AssertionError("no channel " + name);
    }

    private WebElement row(String channelId) {
        return browser.find("tr[data-channel='" + channelId + "']");
    }

    @Test
    void pins_a_candidate_regenerates_and_sees_the_channel_take_the_pinned_guide_channel() throws IOException {
        String weather = channelId("Local Weather");
        browser.go("/proxies/" + proxy);
        browser.click("#guide-matches-link");
        browser.until(d -> browser.heading().equals("Guide matches: Living room"));
        new Select(browser.find("#tier")).selectByValue("unmatched");
        browser.click("#filter");
        browser.until(d -> browser.path().contains("tier=unmatched"));

        browser.find(By.cssSelector("tr[data-channel='" + weather + "'] button.pin[data-guide='weather']"))
                .click();
        browser.until(d -> row(weather).getText().contains("from the next generation"));
        browser.click("#regenerate");
        // pinned now, the channel leaves the unmatched listing
        browser.until(d -> d.findElements(By.cssSelector("tr[data-channel='" + weather + "']"))
                .isEmpty());
        new Select(browser.find("#tier")).selectByValue("pinned");
        browser.click("#filter");
        browser.until(d -> browser.path().contains("tier=pinned"));

        WebElement pinned = row(weather);
        assertThat(pinned.findElement(By.cssSelector("td.tier")).getText()).isEqualTo("pinned");
        assertThat(pinned.findElement(By.cssSelector("td.guide")).getText()).contains("Weather Nation");
        assertThat(pinned.getText()).contains("Unpin");
    }

    @Test
    void sets_merge_by_and_adds_an_alternate_by_searching_and_both_are_kept() throws IOException {
        String itv = channelId("ITV 1 (1080p)");
        String plusOne = channelId("ITV +1");
        browser.go("/proxies/" + proxy);
        browser.click("#failover-link");
        browser.until(d -> browser.heading().equals("Failover: Living room"));

        new Select(browser.find("#mergeBy")).selectByValue("tvg_id_or_name");
        WebElement before = browser.find("#save-merge");
        browser.click("#save-merge");
        browser.until(ExpectedConditions.stalenessOf(before));
        browser.type("#q", "itv");
        browser.click("#search");
        browser.waitFor("tr[data-channel='" + itv + "'] a.choose").click();
        browser.waitFor("tr[data-channel='" + plusOne + "'] button.add-alternate")
                .click();
        browser.waitFor("li[data-alternate='" + plusOne + "']");
        browser.go("/proxies/" + proxy + "/failover");

        assertThat(new Select(browser.find("#mergeBy")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("tvg_id_or_name");
        assertThat(browser.find("li[data-channel='" + itv + "']").getText())
                .contains("ITV 1 (1080p)")
                .contains("ITV +1");
    }

    @Test
    void the_guide_matches_page_fits_a_phone_and_its_pin_buttons_are_reached_by_keyboard() {
        browser.width(360);

        browser.go("/proxies/" + proxy + "/guide-matches?tier=unmatched");

        assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.windowWidth());
        String focused = "";
        for (int i = 0; i < 40 && !focused.equals("Pin"); i++) {
            focused = browser.tab();
        }
        assertThat(focused).isEqualTo("Pin");
    }
}
