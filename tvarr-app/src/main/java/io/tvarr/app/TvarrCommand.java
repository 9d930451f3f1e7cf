package io.tvarr.app;

import io.tvarr.domain.TvarrException;
import io.tvarr.persistence.SqliteNativeLibrary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code tvarr} command line. Without a subcommand it serves. */
@Command(
        name = "tvarr",
        mixinStandardHelpOptions = true,
        versionProvider = TvarrCommand.VersionProvider.class,
        description = "IPTV proxy: ingest playlists and guides, clean them up, publish M3U + XMLTV, relay streams.",
        subcommands = {
            TvarrCommand.Serve.class,
            TvarrCommand.Migrate.class,
            GenerateCommand.class,
            DoctorCommand.class,
            UserCommand.class,
            BackupCommand.Backup.class,
            BackupCommand.Restore.class,
            ConfigCommand.Export.class,
            ConfigCommand.Apply.class,
            TvarrCommand.Version.class
        })
public final class TvarrCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    public static void main(String[] args) {
        // the jar is also a library: its Logback settings (TvarrLogback) apply only when tvarr itself runs, so an
        // embedder's logback.xml is never shadowed; a -Dlogback.configurationFile still wins
        System.setProperty(TvarrLogback.ACTIVE, "true");
        new SqliteNativeLibrary(cacheDirectory(System.getenv(), Path.of(System.getProperty("user.home")))).use();
        System.exit(commandLine().execute(args));
    }

    /** Where tvarr keeps what it can make again (XDG's rule): {@code $XDG_CACHE_HOME/tvarr}, else {@code ~/.cache/tvarr}. */
    static Path cacheDirectory(Map<String, String> environment, Path home) {
        String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
        // the specification ignores a relative path
        Path base = !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("tvarr");
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new TvarrCommand());
        line.setExecutionExceptionHandler(TvarrCommand::failure);
        line.setExecutionStrategy(TvarrCommand::execute);
        return line;
    }

    /**
     * Options given before the subcommand ({@code tvarr --port 8081 serve}) are parsed into this command, not the
     * subcommand; they are handed on to the subcommand unless it was given the same option itself, and refused when
     * it has no such option, so that none is silently ignored.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult sub = parsed.subcommand();
        if (sub != null) {
            for (CommandLine.Model.OptionSpec given : parsed.matchedOptions()) {
                if (given.usageHelp() || given.versionHelp()) {
                    continue;
                }
                CommandLine.Model.OptionSpec target = sub.commandSpec().findOption(given.longestName());
                if (target == null) {
                    throw new CommandLine.ParameterException(
                            sub.commandSpec().commandLine(),
                            given.longestName() + " does not apply to '"
                                    + sub.commandSpec().name() + "'");
                }
                if (!sub.hasMatchedOption(target)) {
                    target.setValue(given.getValue());
                }
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    @Override
    public Integer call() {
        return new Serve(options).call();
    }

    /** Expected failures (bad config, unreachable database) print one line, not a stack trace. */
    private static int failure(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        if (e instanceof TvarrException) {
            err.println("tvarr: " + e.getMessage());
            return 2;
        }
        // a bug: one plain line first, then the trace for the report
        err.println("tvarr: unexpected failure: "
                + (e.getMessage() == null ? "no details" : e.getMessage())
                + " (please report it with the trace below)");
        e.printStackTrace(err);
        return 1;
    }

    /** Options shared by every command that needs the configuration. */
    static final class ConfigOptions {
        @Option(names = "--config", description = "YAML configuration file (default: ./tvarr.yaml when present)")
        @Nullable
        Path config;

        @Option(names = "--port", description = "HTTP port (server.port)")
        @Nullable
        Integer port;

        @Option(names = "--host", description = "address to listen on (server.host)")
        @Nullable
        String host;

        @Option(names = "--database-url", description = "JDBC URL (database.url)")
        @Nullable
        String databaseUrl;

        @Option(names = "--data-dir", description = "data directory (data_dir)")
        @Nullable
        Path dataDir;

        @Option(names = "--log-format", description = "text or json (log.format)")
        @Nullable
        String logFormat;

        @Option(names = "--log-level", description = "root log level (log.level)")
        @Nullable
        String logLevel;

        TvarrConfig load() {
            Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
            if (port != null) {
                flags.put(ConfigKey.SERVER_PORT, port.toString());
            }
            if (host != null) {
                flags.put(ConfigKey.SERVER_HOST, host);
            }
            if (databaseUrl != null) {
                flags.put(ConfigKey.DATABASE_URL, databaseUrl);
            }
            if (dataDir != null) {
                flags.put(ConfigKey.DATA_DIR, dataDir.toString());
            }
            if (logFormat != null) {
                flags.put(ConfigKey.LOG_FORMAT, logFormat);
            }
            if (logLevel != null) {
                flags.put(ConfigKey.LOG_LEVEL, logLevel);
            }
            TvarrConfig loaded = new ConfigLoader().load(config, System.getenv(), flags);
            LoggingSetup.apply(loaded.log());
            return loaded;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server (the default).")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        Serve() {
            this(new ConfigOptions());
        }

        Serve(ConfigOptions options) {
            this.options = options;
        }

        @Override
        public Integer call() {
            TvarrApplication application = TvarrApplication.start(options.load());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                application.close();
                                stopped.countDown();
                            },
                            "tvarr-shutdown"));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Override
        public Integer call() {
            TvarrConfig config = options.load();
            try (var persistence = io.tvarr.persistence.JdbiPersistence.open(config.database())) {
                persistence.migrate();
            }
            return 0;
        }
    }

    @Command(name = "version", description = "Print the version and exit.")
    static final class Version implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Override
        public Integer call() {
            var version = new Versions().tvarr();
            PrintWriter out = spec == null
                    ? new PrintWriter(System.out, true)
                    : spec.commandLine().getOut();
            out.println(version.name() + " " + version.version() + " (Java " + version.javaVersion() + ")");
            out.flush();
            return 0;
        }
    }

    /** Feeds picocli's --version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = new Versions().tvarr();
            return new String[] {version.name() + " " + version.version()};
        }
    }
}
