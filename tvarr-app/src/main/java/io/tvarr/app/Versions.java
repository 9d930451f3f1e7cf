package io.tvarr.app;

import io.tvarr.domain.system.VersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the versions Maven wrote into {@code tvarr-version.properties} at build time. */
final class Versions {
    private final Properties properties = new Properties();

    Versions() {
        try (InputStream in = Versions.class.getResourceAsStream("/tvarr-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("tvarr-version.properties: cannot be read", e);
        }
    }

    VersionInfo tvarr() {
        return new VersionInfo(
                "tvarr", properties.getProperty("version", "unknown"), System.getProperty("java.version"));
    }

    String swaggerUi() {
        return properties.getProperty("swagger-ui.version", "unknown");
    }
}
