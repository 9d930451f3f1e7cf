package io.tvarr.app;

import io.tvarr.persistence.SqliteNativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The build's training run for the class-data sharing archive (tvarr-app/pom.xml): runs {@code tvarr generate} with
 * the given arguments through the command line, then starts the server over a fresh data directory in {@code
 * args[0]} on a free port, asks {@code /readyz} until it answers 200 and stops it, so the classes of both starts are
 * listed. Not a command users run.
 */
final class StartupTraining {
    private StartupTraining() {}

    /** {@code args[0]}: a new directory for the server's data; the rest: {@code tvarr generate}'s arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        System.setProperty(TvarrLogback.ACTIVE, "true");
        // as TvarrCommand.main does, with a cache of the training's own
        new SqliteNativeLibrary(Path.of(args[0]).resolveSibling("cache")).use();
        int generated = TvarrCommand.commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
        if (generated != 0) {
            System.exit(generated);
        }
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, Files.createDirectories(Path.of(args[0])).toString());
        // no UDP doors (another tvarr or tuner on the build machine) and no first-start link to print
        Map<String, String> environment = Map.of(
                ConfigKey.HDHOMERUN_DISCOVERY_PORT.environmentVariable(), "0",
                ConfigKey.HDHOMERUN_SSDP_PORT.environmentVariable(), "0",
                ConfigKey.ADMIN_PASSWORD.environmentVariable(), "startup-training-1");
        TvarrConfig config = new ConfigLoader().load(null, environment, flags);
        LoggingSetup.apply(config.log());
        try (TvarrApplication application = TvarrApplication.start(config)) {
            URI ready = URI.create("http://127.0.0.1:" + application.port() + "/readyz");
            for (int attempt = 0; status(ready) != 200; attempt++) {
                if (attempt == 600) {
                    throw new IllegalStateException("training: " + ready + " did not answer 200 in 60 s");
                }
                Thread.sleep(100);
            }
        }
        System.exit(0);
    }

    private static int status(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try (InputStream body =
                connection.getResponseCode() >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (body != null) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
