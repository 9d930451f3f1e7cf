package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/** A playlist and a guide picked on the person's own computer, uploaded through the forms in a real Chromium. */
class UploadBrowserIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private TvarrApplication app;
    private Browser browser;
    private Path computer;

    @BeforeEach
    void start() throws IOException {
        // the person's own files: tvarr is not told about this directory
        computer = Files.createDirectories(dir.resolve("home"));
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
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

    @Test
    void uploads_a_playlist_refreshes_it_and_sees_its_channels() throws IOException {
        Path playlist = Files.writeString(computer.resolve("my list.m3u"), UploadApiIT.PLAYLIST);
        browser.go("/sources/new");
        browser.type("#name", "From my laptop");
        new Select(browser.find("#kind")).selectByValue("m3u");
        browser.click("#from-file");
        browser.find("#file").sendKeys(playlist.toString());
        browser.click("#save");
        browser.until(d -> browser.heading().equals("From my laptop"));

        browser.click("#refresh");

        browser.waitFor("#status[data-state='succeeded']");
        assertThat(browser.find("#count").getText()).isEqualTo("2");
        browser.go("/channels");
        browser.until(d -> browser.find("main").getText().contains("One"));
        assertThat(browser.find("main").getText()).contains("One").contains("Two");
    }

    @Test
    void a_file_that_is_not_a_guide_is_refused_next_to_the_file_field() throws IOException {
        Path page = Files.writeString(computer.resolve("guide.xml"), "<!DOCTYPE html><html>Log in</html>");
        browser.go("/guides/new");
        browser.type("#name", "Guide");
        browser.click("#from-file");
        browser.find("#file").sendKeys(page.toString());
        browser.click("#save");

        String error = browser.waitFor("#file-error").getText();

        assertThat(error).startsWith("file: not an XMLTV guide");
        assertThat(browser.find("#file").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#from-file").isSelected()).isTrue();
    }
}
