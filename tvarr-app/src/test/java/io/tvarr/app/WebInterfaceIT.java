package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The web interface in a real Chromium, used as a person would: log in, add a source, refresh, publish. */
class WebInterfaceIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private TvarrApplication app;
    private Browser browser;
    private Path playlist;

    @BeforeEach
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        playlist = Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" tvg-chno="101" group-title="UK",BBC One
                http://up.example/1.ts
                #EXTINF:-1 tvg-id="itv1.uk" tvg-chno="103" group-title="UK",ITV 1
                http://up.example/2.ts
                """);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
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

    private void addSource(String name, String url) {
        browser.go("/sources");
        browser.click("a[href='/sources/new']");
        browser.type("#name", name);
        new Select(browser.find("#kind")).selectByValue("m3u");
        browser.type("#url", url);
        browser.click("#save");
    }

    @Test
    void adds_an_m3u_source_refreshes_it_and_sees_it_done() {
        addSource("Provider", playlist.toUri().toString());
        browser.until(d -> browser.heading().equals("Provider"));

        browser.click("#refresh");

        browser.waitFor("#status[data-state='succeeded']");
        assertThat(browser.find("#count").getText()).isEqualTo("2");
        browser.go("/");
        assertThat(browser.find("table.sources").getText()).contains("Provider").contains("succeeded");
    }

    @Test
    void shows_a_refused_field_with_the_server_message_next_to_it() {
        addSource("Typo", "htp://provider.example/list.m3u");

        String error = browser.waitFor("#url-error").getText();

        assertThat(error).startsWith("url:").contains("htp");
        assertThat(browser.find("#url").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Typo");
    }

    @Test
    void creates_a_proxy_regenerates_it_and_the_playlist_url_shown_serves_the_playlist() throws Exception {
        addSource("Provider", playlist.toUri().toString());
        browser.waitFor("#refresh");
        browser.click("#refresh");
        browser.waitFor("#status[data-state='succeeded']");

        browser.go("/proxies/new");
        browser.type("#name", "Living room");
        browser.find(By.xpath("//label[contains(., 'Provider')]/input[@name='sources']"))
                .click();
        browser.click("#save");
        browser.until(d -> browser.heading().equals("Living room"));
        browser.click("#regenerate");
        String channels = browser.waitFor("#report-channels").getText();
        String url = browser.find("#playlist-url").getAttribute("value");

        HttpResponse<String> fetched = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(channels).isEqualTo("2");
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).startsWith("#EXTM3U").contains("BBC One").contains("ITV 1");
    }

    @Test
    void the_dashboard_fits_a_phone_and_is_reached_by_keyboard() {
        addSource(
                "A provider with a rather long name for a small screen",
                playlist.toUri().toString());
        browser.waitFor("#refresh");
        browser.click("#refresh");
        browser.waitFor("#status[data-state='succeeded']");
        browser.width(360);

        browser.go("/");

        assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.windowWidth());
        assertThat(browser.tab()).isEqualTo("Skip to content");
        assertThat(browser.tab()).isEqualTo("tvarr");
    }

    @Test
    void a_filter_typo_is_marked_at_its_column_and_the_fixed_filter_previews_its_matches() {
        addSource("Provider", playlist.toUri().toString());
        browser.waitFor("#refresh");
        browser.click("#refresh");
        browser.waitFor("#status[data-state='succeeded']");
        browser.go("/filters/new");
        browser.type("#name", "UK only");

        browser.type("#expression", "group_title contians \"UK\"");
        String column = browser.waitFor("#expression-problem").getAttribute("data-column");
        String marked = browser.find("#expression-problem mark").getText();
        browser.screenshot("a_filter_typo_is_marked_at_its_column");
        browser.type("#expression", "channel_name contains \"BBC\"");
        String matched = browser.waitFor("#preview-matched").getText();
        String sample = browser.find("table.preview").getText();
        browser.click("#save");

        assertThat(column).isEqualTo("13");
        assertThat(marked).isEqualTo("c");
        assertThat(matched).isEqualTo("1");
        assertThat(sample).contains("BBC One").doesNotContain("ITV");
        browser.until(d -> browser.heading().equals("Filters"));
        assertThat(browser.find("table").getText()).contains("UK only");
    }

    @Test
    void a_mapping_rule_dragged_above_another_is_saved_in_its_new_place() {
        for (String name : new String[] {"first", "second"}) {
            browser.go("/rules/new");
            browser.type("#name", name);
            browser.type("#expression", "channel_name contains \"" + name + "\" SET group_title = \"X\"");
            browser.click("#save");
            browser.until(d -> browser.heading().equals("Mapping rules"));
        }
        WebElement first = browser.find(By.xpath("//tr[contains(@class,'order-item')][.//a[text()='first']]"));
        WebElement second = browser.find(By.xpath("//tr[contains(@class,'order-item')][.//a[text()='second']]"));

        browser.dragAbove(second, first);

        browser.until(d -> {
            try {
                String rules = browser.find("table.rules").getText();
                return rules.indexOf("second") < rules.indexOf("first");
            } catch (org.openqa.selenium.StaleElementReferenceException reloading) {
                return false;
            }
        });
        browser.go("/rules");
        String stored = browser.find("table.rules").getText();
        assertThat(stored.indexOf("second")).isLessThan(stored.indexOf("first"));
    }

    @Test
    void opens_a_channel_from_the_list_and_sees_its_attributes_and_guide_match() {
        addSource("Provider", playlist.toUri().toString());
        browser.waitFor("#refresh");
        browser.click("#refresh");
        browser.waitFor("#status[data-state='succeeded']");
        browser.go("/channels");

        browser.find(By.linkText("ITV 1")).click();

        browser.until(d -> browser.heading().equals("ITV 1"));
        assertThat(browser.find("#channel-attributes").getText())
                .contains("itv1.uk")
                .contains("103");
        assertThat(browser.find("#stream-url").getText()).isEqualTo("http://up.example/2.ts");
        assertThat(browser.find("#guide-match").getText()).contains("No guide has programmes");
    }

    @Test
    void adds_a_relay_profile_and_deletes_it_after_confirming() {
        browser.go("/relay-profiles");
        browser.click("#add-profile");
        browser.type("#name", "Phones");
        new Select(browser.find("#video_codec")).selectByValue("h264");
        browser.type("#max_height", "720");
        browser.click("#save");
        browser.until(d -> browser.heading().equals("Relay profiles"));
        assertThat(browser.find("table.relay-profiles").getText())
                .contains("Phones")
                .contains("720p");
        browser.screenshot("relay_profiles");

        browser.find(By.linkText("Delete")).click();
        browser.click("#confirm-delete");

        browser.until(d -> browser.heading().equals("Relay profiles"));
        assertThat(browser.find("#no-profiles").getText()).contains("No relay profiles yet");
    }

    @Test
    void the_system_page_loads_the_ffmpeg_report_by_itself() {
        browser.go("/system");

        String version = browser.waitFor("#ffmpeg-version").getText();

        assertThat(version).isNotBlank();
        assertThat(browser.find("#tvarr-version").getText()).isNotBlank();
    }

    @Test
    void orders_a_proxys_sources_with_the_keyboard_fallback_of_drag_and_drop() {
        addSource("First", playlist.toUri().toString());
        browser.until(d -> browser.heading().equals("First"));
        addSource("Second", playlist.toUri().toString());
        browser.until(d -> browser.heading().equals("Second"));
        browser.go("/proxies/new");
        browser.type("#name", "Ordered");
        browser.find(By.xpath("//label[contains(., 'First')]/input[@name='sources']"))
                .click();
        browser.find(By.xpath("//label[contains(., 'Second')]/input[@name='sources']"))
                .click();

        browser.find(By.cssSelector("#sources-choices [aria-label='Move Second up']"))
                .click();

        assertThat(browser.find("#sources-choices .order-item").getText()).contains("Second");
        assertThat(browser.find("#sources-choices .order-item").getAttribute("draggable"))
                .isEqualTo("true");
        browser.screenshot("proxy_form_ordered");
        browser.click("#save");
        browser.until(d -> browser.heading().equals("Ordered"));
        assertThat(browser.find("dl.facts").getText()).contains("Second, First");
    }
}
