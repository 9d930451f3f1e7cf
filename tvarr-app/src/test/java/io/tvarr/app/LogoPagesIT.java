package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The logos page in a real Chromium: the cache and the failed downloads, searched, removed, cleared. */
class LogoPagesIT {
    private static final String PASSWORD = "correct horse battery";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

    @TempDir
    Path dir;

    private HttpServer images;
    private TvarrApplication app;
    private Browser browser;
    private String good;
    private String broken;

    @BeforeEach
    void start() throws IOException {
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        images.createContext("/logo.png", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, PNG.length);
                exchange.getResponseBody().write(PNG);
            }
        });
        images.start();
        String base = "http://127.0.0.1:" + images.getAddress().getPort();
        good = base + "/logo.png?token=hunter2hunter2";
        broken = base + "/gone.png?password=s3cret";
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        // what a proxy that caches logos does when it generates
        app.core().logos().cache(List.of(good, broken));
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
        images.stop(0);
    }

    @Test
    void lists_the_cached_logo_with_its_size_type_and_masked_source() {
        browser.go("/");
        browser.click("nav a[href='/cached-logos']");

        String row = browser.waitFor("#cached-logos tbody tr").getText();

        assertThat(browser.heading()).isEqualTo("Logos");
        assertThat(row).contains("image/png").contains(PNG.length + " B").contains("/logo.png");
        assertThat(browser.find("#main").getText()).doesNotContain("hunter2");
    }

    @Test
    void the_dashboard_warns_of_the_failed_logo_and_leads_to_its_reason_which_is_cleared_by_hand() {
        browser.go("/");
        browser.find(By.cssSelector("li.warning[data-kind='failed_logos'] a")).click();

        String failed = browser.waitFor("#failed-logos tbody tr").getText();
        browser.click("#clear-failed");

        assertThat(failed).contains("/gone.png").contains("404").doesNotContain("s3cret");
        assertThat(browser.waitFor("#no-logos").getText()).contains("No failed logo downloads");
        assertThat(browser.find("#tab-failed").getText()).isEqualTo("Failed (0)");
        browser.go("/");
        assertThat(browser.find("#main").getText()).doesNotContain("could not be downloaded");
    }

    @Test
    void searches_on_the_server_and_removes_a_logo() {
        browser.go("/cached-logos");
        browser.type("#q", "nothing-like-this");
        browser.click("form.search button");
        assertThat(browser.waitFor("#no-logos").getText()).contains("No cached logos");

        browser.type("#q", "LOGO.PNG");
        browser.click("form.search button");
        browser.waitFor("#cached-logos tbody tr button").click();

        assertThat(browser.waitFor("#no-logos").getText()).contains("No cached logos");
        assertThat(app.core()
                        .logoCatalogue()
                        .cached(new io.tvarr.domain.logo.LogoQuery(null, 0, 10))
                        .total())
                .isZero();
    }
}
