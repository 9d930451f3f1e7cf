package io.tvarr.domain.backup.service;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.backup.BackupManifest;
import io.tvarr.domain.backup.SchemaVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The manifest as a properties file: readable with any text editor, which helps the person restoring. */
final class ManifestFile {
    private static final String MANIFEST_NAME = StoreBackup.MANIFEST;

    private ManifestFile() {}

    static void write(BackupManifest manifest, OutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", Integer.toString(manifest.format()));
        properties.setProperty("schema", manifest.schema().value());
        properties.setProperty("vendor", manifest.vendor());
        properties.setProperty("tvarr_version", manifest.tvarrVersion());
        properties.setProperty("created_at", manifest.createdAt().toString());
        properties.setProperty("tables", String.join(",", manifest.tables()));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        properties.store(writer, "tvarr backup");
        writer.flush();
    }

    static BackupManifest read(InputStream in) throws IOException {
        Properties properties = new Properties();
        try {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "backup archive: " + MANIFEST_NAME + " is not readable (" + e.getMessage() + ")", e);
        }
        String tables = required(properties, "tables");
        try {
            return new BackupManifest(
                    Integer.parseInt(required(properties, "format")),
                    new SchemaVersion(required(properties, "schema")),
                    required(properties, "vendor"),
                    required(properties, "tvarr_version"),
                    Instant.parse(required(properties, "created_at")),
                    tables.isBlank() ? List.of() : Arrays.asList(tables.split(",")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ValidationException(
                    "backup archive: " + MANIFEST_NAME + " holds a malformed value (" + e.getMessage() + ")", e);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new ValidationException("backup archive: " + MANIFEST_NAME + " lacks '" + key + "'");
        }
        return value.strip();
    }
}
