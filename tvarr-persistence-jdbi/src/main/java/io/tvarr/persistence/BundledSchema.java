package io.tvarr.persistence;

import io.tvarr.persistence.sql.Vendor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * The migrations this build carries, as listed at build time in {@code db/migration/index.txt}, and whether a
 * database's Flyway history already holds exactly them. Flyway answers the same question by scanning the class path,
 * parsing every script and starting its whole machinery, which was the largest part of every start (#19); this
 * reads one list and one table. Java migrations, which Flyway records without a checksum, are named by the caller.
 * Anything unexpected (no list, no history table, a failed or extra row, a checksum that differs) answers "not
 * current", so Flyway runs and decides as before.
 */
final class BundledSchema {
    static final String INDEX = "db/migration/index.txt";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");

    /** Flyway's version text ({@code 1.2} for {@code V1_2__}) to the script's checksum. */
    private final Map<String, Integer> migrations;

    /** The versions of the build's Java migrations, which Flyway records without a checksum. */
    private final Set<String> javaMigrations;

    private BundledSchema(Map<String, Integer> migrations, Set<String> javaMigrations) {
        this.migrations = Map.copyOf(migrations);
        this.javaMigrations = Set.copyOf(javaMigrations);
    }

    /**
     * The versioned migrations of the vendor's folders; empty when the build left no index or it lists something
     * this check does not model (a repeatable migration), so that the caller leaves the decision to Flyway.
     */
    static Optional<BundledSchema> of(Vendor vendor, ClassLoader loader, Set<String> javaMigrations) {
        List<String> listed;
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                return Optional.empty();
            }
            listed = new String(index.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> migrations = new HashMap<>();
        for (String path : listed) {
            String folder = path.substring(0, Math.max(0, path.indexOf('/')));
            if (!folder.equals("common") && !folder.equals(vendor.folder())) {
                continue;
            }
            Matcher versioned = VERSIONED.matcher(path.substring(path.indexOf('/') + 1));
            if (!versioned.matches()) {
                return Optional.empty();
            }
            Optional<Integer> checksum = checksum(loader, "db/migration/" + path);
            if (checksum.isEmpty()) {
                return Optional.empty();
            }
            migrations.put(versioned.group(1).replace('_', '.'), checksum.get());
        }
        return migrations.isEmpty() ? Optional.empty() : Optional.of(new BundledSchema(migrations, javaMigrations));
    }

    /** Whether the history lists exactly these migrations, each applied successfully with the same checksum. */
    boolean isAppliedIn(DataSource dataSource) {
        Map<String, Integer> applied = new HashMap<>();
        Set<String> appliedWithoutChecksum = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT version, checksum, success FROM flyway_schema_history")) {
            while (rows.next()) {
                String version = rows.getString(1);
                int checksum = rows.getInt(2);
                boolean noChecksum = rows.wasNull();
                if (version == null || !rows.getBoolean(3)) {
                    return false;
                }
                if (noChecksum) {
                    appliedWithoutChecksum.add(version);
                } else {
                    applied.put(version, checksum);
                }
            }
        } catch (SQLException e) {
            // no history table yet (a new database), or one Flyway must look at: Flyway decides
            return false;
        }
        return applied.equals(migrations) && appliedWithoutChecksum.equals(javaMigrations);
    }

    String latestVersion() {
        return Stream.concat(migrations.keySet().stream(), javaMigrations.stream())
                .max(BundledSchema::compareVersions)
                .orElseThrow();
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    /**
     * Flyway's checksum of an SQL script: CRC-32 over its lines without line breaks, UTF-8, a leading byte order
     * mark dropped. A script this build lists but cannot read is left to Flyway.
     */
    static Optional<Integer> checksum(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            CRC32 crc = new CRC32();
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
