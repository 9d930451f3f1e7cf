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
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The players page in a real Chromium: a user added there logs in on the Xtream Codes door. */
class PlayerPagesBrowserIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private Browser browser;
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
        HttpResponse<String> created = new ApiClient(app).post("/api/v1/proxies", "{\"name\":\"Living room\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        proxy = json.readTree(created.body()).get("id").asText();
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
    void adds_a_user_on_the_page_who_then_logs_in_on_the_xtream_door() throws Exception {
        browser.go("/proxies/" + proxy);
        browser.click("#players-link");
        browser.until(d -> browser.heading().equals("Players: Living room"));

        browser.type("#username", "alice");
        browser.type("#password", "abc");
        browser.click("#save-user");
        browser.waitFor("#password-error");
        assertThat(browser.find("#password-error").getText()).startsWith("password:");
        browser.type("#password", "sofa-2030");
        browser.type("#max_connections", "2");
        browser.click("#save-user");
        browser.waitFor("tr[data-user='alice']");

        assertThat(browser.find("tr[data-user='alice']").getText()).contains("never");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("sofa-2030");
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                                        + "/player_api.php?username=alice&password=sofa-2030"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode info = json.readTree(login.body()).get("user_info");
        assertThat(info.get("auth").asInt()).isEqualTo(1);
        assertThat(info.get("max_connections").asText()).isEqualTo("2");
    }
}
