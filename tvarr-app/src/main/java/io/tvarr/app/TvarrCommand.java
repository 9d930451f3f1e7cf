package io.tvarr.app;

import io.tvarr.domain.TvarrException;
import io.tvarr.persistence.SqliteNativeLibrary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
        description = "IPTV proxy: ingest playlists and guides, clean them up, publish M3U + XMLTV, relay streams.")
public final class TvarrCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order help lists them. Picocli reads a command's annotations and fields when it is
     * added, a few milliseconds each (#19), so a command line names its subcommand and only that one is added. The
     * factories are lambdas, not constructor references, whose linking would load every class.
     */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("serve", () -> new Serve()),
            new Subcommand("migrate", () -> new Migrate()),
            new Subcommand("generate", () -> new GenerateCommand()),
            new Subcommand("doctor", () -> new DoctorCommand()),
            new Subcommand("user", () -> UserCommand.class),
            new Subcommand("backup", () -> new BackupCommand.Backup()),
            new Subcommand("restore", () -> new BackupCommand.Restore()),
            new Subcommand("export", () -> new ConfigCommand.Export()),
            new Subcommand("apply", () -> new ConfigCommand.Apply()),
            new Subcommand("version", () -> new Version()));

    /** The options of this command that take a value, so that the value is not read as a subcommand's name. */
    private static final Set<String> OPTIONS_WITH_VALUES =
            Set.of("--config", "--port", "--host", "--database-url", "--data-dir", "--log-format", "--log-level");

    /** A subcommand's name and how to make it: an instance, or the class for picocli to make. */
    record Subcommand(String name, Supplier<Object> command) {}

    @Mixin
    ConfigOptions options = new ConfigOptions();

    public static void main(String[] args) {
        // the jar is also a library: its Logback settings (TvarrLogback) apply only when tvarr itself runs, so an
        // embedder's logback.xml is never shadowed; a -Dlogback.configurationFile still wins
        System.setProperty(TvarrLogback.ACTIVE, "true");
        new SqliteNativeLibrary(cacheDirectory(System.getenv(), Path.of(System.getProperty("user.home")))).use();
        System.exit(commandLine(args).execute(args));
    }

    /**
     * Where tvarr keeps what it can make again, by XDG's rule: {@code $XDG_CACHE_HOME/tvarr}, else
     * {@code ~/.cache/tvarr}.
     */
    static Path cacheDirectory(Map<String, String> environment, Path home) {
        String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
        // the specification ignores a relative path
        Path base = !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("tvarr");
    }

    /** The whole command line, every subcommand included. */
    static CommandLine commandLine() {
        return commandLine(name -> true);
    }

    /**
     * The command line for these arguments: with only the subcommand they name, or none when they name none (a
     * serve), or all of them when they ask for help or name something unknown, which picocli then lists or suggests.
     */
    static CommandLine commandLine(String... args) {
        return commandLine(subcommandsNeeded(args));
    }

    private static CommandLine commandLine(Predicate<String> added) {
        CommandLine line = new CommandLine(new TvarrCommand());
        for (Subcommand subcommand : SUBCOMMANDS) {
            if (added.test(subcommand.name())) {
                line.addSubcommand(subcommand.name(), subcommand.command().get());
            }
        }
        line.setExecutionExceptionHandler(TvarrCommand::failure);
        line.setExecutionStrategy(TvarrCommand::execute);
        return line;
    }

    private static Predicate<String> subcommandsNeeded(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (OPTIONS_WITH_VALUES.contains(arg)) {
                i++;
            } else if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return name -> true;
            } else if (!arg.startsWith("-")) {
                boolean known = SUBCOMMANDS.stream()
                        .anyMatch(subcommand -> subcommand.name().equals(arg));
                return known ? arg::equals : name -> true;
            }
        }
        return name -> false;
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
