package io.tvarr.app;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.backup.BackupSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tvarr backup} and {@code tvarr restore}: the whole database and logo cache in one archive. A backup may run
 * beside a serving tvarr (it reads one snapshot); it is written to a temporary file and renamed when complete, so an
 * interrupted backup never leaves a file that looks whole.
 */
final class BackupCommand {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BackupCommand() {}

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = "Write the database and the logo cache to one archive (safe while tvarr serves).")
    static final class Backup extends UserCommand.OnTheDatabase {
        @Option(
                names = {"-o", "--output"},
                description = "archive to write (default: tvarr-backup-<UTC time>.zip in the current directory)")
        Path output;

        @Override
        Work prepare(PrintWriter out) {
            return (core, print) -> {
                Path absolute = (output != null ? output : Path.of("tvarr-backup.zip")).toAbsolutePath();
                Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
                BackupSummary summary;
                try {
                    Files.createDirectories(absolute.getParent());
                    try (OutputStream file = Files.newOutputStream(partial)) {
                        summary = core.backups().backUp(file);
                    }
                    if (output == null) {
                        // named when made, by the core's clock, as the manifest inside says
                        absolute = absolute.resolveSibling("tvarr-backup-"
                                + STAMP.format(summary.manifest().createdAt()) + ".zip");
                    }
                    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new StorageException("backup: cannot write " + absolute + " (" + e.getMessage() + ")", e);
                } finally {
                    try {
                        Files.deleteIfExists(partial);
                    } catch (IOException ignored) {
                        // the rename took it, or the error above already says what went wrong
                    }
                }
                print.println("backup written to " + absolute + ": schema "
                        + summary.manifest().schema() + ", "
                        + summary.totalRows() + " rows in " + summary.rows().size() + " tables, " + summary.logos()
                        + " logos, " + summary.bytes() + " bytes");
            };
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Replace the database and logo cache with an archive's content. Stop the server first.")
    static final class Restore extends UserCommand.OnTheDatabase {
        @Parameters(index = "0", description = "archive written by tvarr backup")
        Path archive;

        @Override
        Work prepare(PrintWriter out) {
            if (!Files.isRegularFile(archive)) {
                throw new io.tvarr.domain.ValidationException("restore: " + archive + " is not a file");
            }
            return (core, print) -> {
                BackupSummary summary;
                try (InputStream in = Files.newInputStream(archive)) {
                    summary = core.restores().restore(in);
                } catch (NoSuchFileException e) {
                    throw new io.tvarr.domain.ValidationException("restore: " + archive + " does not exist", e);
                } catch (IOException e) {
                    throw new StorageException("restore: cannot read " + archive + " (" + e.getMessage() + ")", e);
                }
                print.println("restored " + archive + " (made "
                        + summary.manifest().createdAt() + " by tvarr "
                        + summary.manifest().tvarrVersion() + " on "
                        + summary.manifest().vendor() + ", schema "
                        + summary.manifest().schema() + "): " + summary.totalRows() + " rows, " + summary.logos()
                        + " logos");
            };
        }
    }
}
