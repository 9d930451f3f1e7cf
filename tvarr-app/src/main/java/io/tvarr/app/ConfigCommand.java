package io.tvarr.app;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.config.ConfigChange;
import io.tvarr.domain.config.ConfigChanges;
import io.tvarr.domain.config.port.in.ApplyConfigCommand;
import io.tvarr.http.config.ConfigDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tvarr export} and {@code tvarr apply}: configuration as code. Export writes every setting to one YAML
 * document (secrets as {@code ${ENV_NAME}} references); apply makes the database match one, checking all of it
 * before changing anything. Both work on the database directly, like {@code tvarr backup}.
 */
final class ConfigCommand {
    private ConfigCommand() {}

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write every setting to one YAML document; secrets appear as ${ENV_NAME} references.")
    static final class Export extends UserCommand.OnTheDatabase {
        @Option(
                names = {"-o", "--output"},
                description = "file to write (default: standard output)")
        Path output;

        @Override
        Work prepare(java.io.PrintWriter out) {
            return (core, print) -> {
                String yaml = new ConfigDocuments().yaml(core.configExport().export());
                if (output == null) {
                    print.print(yaml);
                    return;
                }
                Path absolute = output.toAbsolutePath();
                Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
                try {
                    Files.writeString(partial, yaml, StandardCharsets.UTF_8);
                    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new StorageException("export: cannot write " + absolute + " (" + e.getMessage() + ")", e);
                }
                print.println("configuration written to " + absolute);
            };
        }
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = "Make the database match a configuration document (YAML or JSON).")
    static final class Apply extends UserCommand.OnTheDatabase {
        @Option(
                names = {"-f", "--file"},
                required = true,
                description = "the document to apply")
        Path file;

        @Option(names = "--prune", description = "also delete what the document does not name")
        boolean prune;

        @Option(names = "--dry-run", description = "only print what would change")
        boolean dryRun;

        @Override
        Work prepare(java.io.PrintWriter out) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ValidationException("apply: " + file + " does not exist", e);
            } catch (IOException e) {
                throw new StorageException("apply: cannot read " + file + " (" + e.getMessage() + ")", e);
            }
            var document = new ConfigDocuments().read(text);
            return (core, print) -> {
                ConfigChanges changes = core.configApply().apply(new ApplyConfigCommand(document, prune, dryRun));
                for (ConfigChange change : changes.changes()) {
                    print.println((dryRun ? "would " : "") + change.describe());
                }
                if (changes.none()) {
                    print.println("nothing to change: the database already matches " + file);
                } else {
                    print.println(changes.changes().size() + " change(s)" + (dryRun ? " not made (dry run)" : " made"));
                }
            };
        }
    }
}
