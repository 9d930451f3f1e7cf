package io.tvarr.http.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the pages find their scripts: the htmx webjars (served by Javalin under {@code /webjars/}, versioned paths)
 * and tvarr's own style sheet and script under {@code /assets/}.
 *
 * @param htmx the path of htmx's script
 * @param sse the path of htmx's Server-Sent Events extension
 */
public record WebAssets(String htmx, String sse) {
    static final String STYLE = "/assets/tvarr.css";
    static final String SCRIPT = "/assets/tvarr.js";

    /** Reads the webjars' versions from their Maven metadata on the class path. */
    static WebAssets fromClassPath() {
        return new WebAssets(
                "/webjars/htmx.org/" + version("htmx.org") + "/dist/htmx.min.js",
                "/webjars/htmx-ext-sse/" + version("htmx-ext-sse") + "/sse.js");
    }

    public String style() {
        return STYLE;
    }

    public String script() {
        return SCRIPT;
    }

    private static String version(String artifact) {
        String path = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = WebAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("webjar org.webjars.npm:" + artifact + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("webjar " + artifact + ": metadata not readable", e);
        }
    }
}
