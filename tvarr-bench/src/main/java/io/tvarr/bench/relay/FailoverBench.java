package io.tvarr.bench.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.app.ConfigKey;
import io.tvarr.app.ConfigLoader;
import io.tvarr.app.TvarrApplication;
import io.tvarr.domain.SampleMedia;
import io.tvarr.domain.SampleUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Failover recovery through the real server: a proxy merges one channel from two accounts (two local providers
 * sending the same H.264/AAC MPEG-TS made by FFmpeg, the second with other PIDs so its packets can be told apart); a
 * player watches it in proxy mode, the first provider is killed, and the bench prints the time from the kill to the
 * first packet of the second provider reaching the player, per round and the median. Target: under 2 s.
 * Run: {@code java -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.relay.FailoverBench [rounds]}
 */
public final class FailoverBench {
    private static final long BYTES_PER_SECOND = 250_000;
    private static final int SECOND_PROVIDER_PID = 0x200;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("tvarr-bench-failover");
        Path first = media(work.resolve("a.ts"), 0x100);
        Path second = media(work.resolve("b.ts"), SECOND_PROVIDER_PID);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, work.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, work.toString());
        flags.put(ConfigKey.SERVER_ACCESS_LOG, "false");
        flags.put(ConfigKey.LOG_LEVEL, "WARN");
        // a private loopback server measuring the relay: the admin API needs no login here
        flags.put(ConfigKey.AUTH_DISABLED, "true");
        List<Long> recoveries = new ArrayList<>();
        try (TvarrApplication app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags))) {
            Api api = new Api("http://127.0.0.1:" + app.port());
            for (int round = 1; round <= rounds; round++) {
                try (SampleUpstream a = SampleUpstream.serving(first, BYTES_PER_SECOND, true);
                        SampleUpstream b = SampleUpstream.serving(second, BYTES_PER_SECOND, true)) {
                    long millis = round(api, work, round, a, b);
                    recoveries.add(millis);
                    System.out.printf("round %d: kill to bytes of the next account %d ms%n", round, millis);
                }
            }
        }
        List<Long> sorted = recoveries.stream().sorted().toList();
        System.out.printf(
                "failover recovery: median %d ms, max %d ms over %d rounds (target: < 2000 ms)%n",
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static long round(Api api, Path work, int round, SampleUpstream a, SampleUpstream b) throws Exception {
        String sourceA = api.source("A" + round, playlist(work, "a" + round, a.url()));
        String sourceB = api.source("B" + round, playlist(work, "b" + round, b.url()));
        String proxy = api.id(api.send(
                "POST",
                "/api/v1/proxies",
                "{\"name\":\"failover-" + round + "\",\"sources\":[\"" + sourceA + "\",\"" + sourceB
                        + "\"],\"deliveryMode\":\"proxy\"}"));
        api.send("PUT", "/api/v1/proxies/" + proxy + "/failover", "{\"mergeBy\":\"tvg_id\"}");
        api.send("POST", "/api/v1/proxies/" + proxy + "/regenerate", "");
        String stream = api.send("GET", "/proxy/" + proxy + ".m3u", null)
                .lines()
                .filter(l -> l.startsWith("http://"))
                .findFirst()
                .orElseThrow();
        HttpResponse<InputStream> player = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(stream)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = player.body()) {
            PidWatch watch = new PidWatch();
            watch.readUntil(in, 3 * BYTES_PER_SECOND, -1);
            long killed = System.nanoTime();
            a.kill();
            watch.readUntil(in, Long.MAX_VALUE, SECOND_PROVIDER_PID);
            return (System.nanoTime() - killed) / 1_000_000;
        }
    }

    private static Path media(Path out, int startPid) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg"));
        command.addAll(SampleMedia.h264AacTsArguments(out, 10, startPid));
        Process make = new ProcessBuilder(command).inheritIO().start();
        if (make.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not make the sample media");
        }
        return out;
    }

    private static Path playlist(Path work, String name, String url) throws IOException {
        return Files.writeString(
                work.resolve(name + ".m3u"), "#EXTM3U\n#EXTINF:-1 tvg-id=\"news.bench\",News\n" + url + "\n");
    }

    /** Reads a TS stream packet by packet until a byte count, or until a packet of a PID at or above a value. */
    private static final class PidWatch {
        private final byte[] packet = new byte[188];
        private int have;

        void readUntil(InputStream in, long bytes, int pidAtLeast) throws IOException {
            long read = 0;
            int b;
            while (read < bytes && (b = in.read()) >= 0) {
                read++;
                if (have == 0 && b != 0x47) {
                    continue;
                }
                packet[have++] = (byte) b;
                if (have == 188) {
                    have = 0;
                    int pid = ((packet[1] & 0x1F) << 8) | (packet[2] & 0xFF);
                    if (pidAtLeast >= 0 && pid >= pidAtLeast && pid != 0x1FFF) {
                        return;
                    }
                }
            }
            if (read < bytes && pidAtLeast >= 0) {
                throw new IllegalStateException("the stream ended before the next account's packets came");
            }
        }
    }

    /** The admin API over loopback, auth off. */
    private static final class Api {
        private final String base;
        private final HttpClient http = HttpClient.newHttpClient();
        private final ObjectMapper json = new ObjectMapper();

        Api(String base) {
            this.base = base;
        }

        String send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        String id(String body) throws IOException {
            return json.readTree(body).get("id").asText();
        }

        String source(String name, Path playlist) throws Exception {
            String id = id(send(
                    "POST",
                    "/api/v1/sources/stream",
                    "{\"name\":\"" + name + "\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri()
                            + "\",\"maxConcurrentStreams\":1}"));
            send("POST", "/api/v1/sources/stream/" + id + "/ingest", "");
            for (int i = 0; i < 400; i++) {
                JsonNode status = json.readTree(send("GET", "/api/v1/sources/stream/" + id + "/status", null));
                if (status.toString().contains("\"succeeded\"")) {
                    return id;
                }
                Thread.sleep(25);
            }
            throw new IllegalStateException("source " + name + " was not ingested in 10 s");
        }
    }
}
