package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.SampleMedia;
import io.tvarr.domain.proxy.TunerDeviceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies as HDHomeRun tuners on a real server, read the way Plex and Jellyfin read them: discover.json, the
 * lineup, device.xml, the scan, streams through the relay and the limit answer. The provider serves real MPEG-TS
 * made by FFmpeg; its source allows one connection, so the device has one tuner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HdHomeRunIT {
    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer upstream;
    private TvarrApplication app;
    private ApiClient api;
    private byte[] media;
    private String tuner;
    private String tunerId;
    private String off;

    @BeforeAll
    void start() throws Exception {
        media = sample();
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/", this::answer);
        upstream.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/live/";
        String playlist = "#EXTM3U\n"
                + "#EXTINF:-1 tvg-id=\"one.tv\" group-title=\"News\",One\n" + base + "one.ts\n"
                + "#EXTINF:-1 tvg-id=\"two.tv\" group-title=\"News\",Two & \"Friends\"\n" + base + "two.ts\n"
                + "#EXTINF:-1 tvg-id=\"three.tv\" group-title=\"Sport\",Three\n" + base + "three.ts\n";
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("provider.m3u"), playlist);
        app = start(inputs, freeUdpPort());
        String source = id(api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"maxConcurrentStreams\":1,\"url\":\""
                        + inputs.resolve("provider.m3u").toUri() + "\"}"));
        api.post("/api/v1/sources/stream/" + source + "/ingest", "");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && !api.get("/api/v1/sources/stream/" + source + "/status")
                        .body()
                        .contains("\"succeeded\"")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        // redirect delivery: the tuner must relay all the same
        tunerId = id(api.post(
                "/api/v1/proxies",
                "{\"name\":\"Living room\",\"sources\":[\"" + source + "\"],\"numberingMode\":\"sequential\","
                        + "\"numberingStart\":100}"));
        tuner = "living-room";
        off = id(api.post(
                "/api/v1/proxies", "{\"name\":\"Hidden\",\"sources\":[\"" + source + "\"],\"hdhomerun\":false}"));
    }

    private TvarrApplication start(Path inputs, int discoveryPort) throws IOException {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, Integer.toString(discoveryPort));
        flags.put(ConfigKey.HDHOMERUN_SSDP_PORT, Integer.toString(freeUdpPort()));
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.RELAY_GRACE_SECONDS, "0");
        TvarrApplication started = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(started);
        return started;
    }

    @AfterAll
    void stop() {
        app.close();
        upstream.stop(0);
    }

    @Nested
    class Discover {
        @Test
        void describes_the_proxy_as_a_device_plex_accepts() throws IOException {
            JsonNode discover = body("/hdhr/" + tuner + "/discover.json");

            String base = "http://127.0.0.1:" + app.port() + "/hdhr/" + tuner;
            assertThat(discover.get("FriendlyName").asText()).isEqualTo("Living room");
            assertThat(discover.get("ModelNumber").asText()).isEqualTo("HDTC-2US");
            assertThat(discover.get("FirmwareName").asText()).isEqualTo("hdhomeruntc_atsc");
            assertThat(discover.get("BaseURL").asText()).isEqualTo(base);
            assertThat(discover.get("LineupURL").asText()).isEqualTo(base + "/lineup.json");
            assertThat(discover.get("TunerCount").isInt()).isTrue();
            assertThat(discover.get("TunerCount").asInt()).isEqualTo(1);
            assertThat(discover.get("DeviceAuth").asText()).isNotBlank();
            String deviceId = discover.get("DeviceID").asText();
            assertThat(deviceId).matches("[0-9A-F]{8}");
            assertThat(TunerDeviceId.isValid(Integer.parseUnsignedInt(deviceId, 16)))
                    .isTrue();
        }

        @Test
        void answers_by_id_as_by_slug_and_each_proxy_is_its_own_device() throws IOException {
            JsonNode bySlug = body("/hdhr/" + tuner + "/discover.json");
            JsonNode byId = body("/hdhr/" + tunerId + "/discover.json");

            assertThat(byId.get("DeviceID")).isEqualTo(bySlug.get("DeviceID"));
            String other = id(api.post("/api/v1/proxies", "{\"name\":\"Zz other\"}"));
            JsonNode otherDevice = body("/hdhr/" + other + "/discover.json");
            assertThat(otherDevice.get("DeviceID")).isNotEqualTo(bySlug.get("DeviceID"));
            assertThat(otherDevice.get("DeviceAuth")).isNotEqualTo(bySlug.get("DeviceAuth"));
            assertThat(otherDevice.get("TunerCount").asInt())
                    .as("no source, no limit: the default")
                    .isEqualTo(4);
        }

        @Test
        void the_bare_paths_describe_the_first_proxy_with_its_tuner_on() throws IOException {
            assertThat(body("/discover.json")).isEqualTo(body("/hdhr/" + tuner + "/discover.json"));
            assertThat(api.get("/lineup.json").body())
                    .isEqualTo(api.get("/hdhr/" + tuner + "/lineup.json").body());
            assertThat(api.get("/device.xml").statusCode()).isEqualTo(200);
            assertThat(api.get("/lineup_status.json").statusCode()).isEqualTo(200);
        }

        @Test
        void a_proxy_with_its_tuner_off_is_no_device() {
            for (String file : List.of("discover.json", "lineup.json", "lineup.xml", "device.xml")) {
                assertThat(api.get("/hdhr/" + off + "/" + file).statusCode())
                        .as(file)
                        .isEqualTo(404);
            }
            assertThat(api.get("/hdhr/nowhere/discover.json").statusCode()).isEqualTo(404);
        }

        @Test
        void the_proxy_view_lists_the_device_path() throws IOException {
            JsonNode view = json.readTree(api.get("/api/v1/proxies/" + tunerId).body());

            assertThat(view.get("hdhomerun").asBoolean()).isTrue();
            assertThat(view.get("hdhomerunPath").asText()).isEqualTo("/hdhr/" + tuner);
            assertThat(json.readTree(api.get("/api/v1/proxies/" + off).body())
                            .get("hdhomerunPath")
                            .isNull())
                    .isTrue();
        }

        @Test
        void device_xml_is_a_upnp_media_server_with_the_same_identity() throws IOException {
            HttpResponse<String> device = api.get("/hdhr/" + tuner + "/device.xml");

            assertThat(device.statusCode()).isEqualTo(200);
            assertThat(device.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
            assertThat(device.body())
                    .contains("<root xmlns=\"urn:schemas-upnp-org:device-1-0\">")
                    .contains("<deviceType>urn:schemas-upnp-org:device:MediaServer:1</deviceType>")
                    .contains("<friendlyName>Living room</friendlyName>")
                    .contains("<UDN>uuid:" + tunerId + "</UDN>")
                    .contains("<serialNumber>"
                            + body("/hdhr/" + tuner + "/discover.json")
                                    .get("DeviceID")
                                    .asText() + "</serialNumber>");
        }
    }

    @Nested
    class Lineup {
        @Test
        void lists_the_playlist_in_order_with_its_published_numbers_and_names() throws IOException {
            JsonNode lineup = body("/hdhr/" + tuner + "/lineup.json");

            assertThat(lineup.isArray()).isTrue();
            List<String> numbers = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (JsonNode channel : lineup) {
                assertThat(channel.get("GuideNumber").isTextual()).isTrue();
                numbers.add(channel.get("GuideNumber").asText());
                names.add(channel.get("GuideName").asText());
                assertThat(channel.get("URL").asText())
                        .startsWith("http://127.0.0.1:" + app.port() + "/proxy/" + tunerId + "/")
                        .endsWith("?tuner=1");
            }
            assertThat(numbers).containsExactly("100", "101", "102");
            assertThat(names).containsExactly("One", "Two & \"Friends\"", "Three");
            String m3u = api.get("/proxy/" + tuner + ".m3u").body();
            assertThat(m3u).contains("tvg-chno=\"100\"", "tvg-chno=\"101\"", "tvg-chno=\"102\"");
        }

        @Test
        void lineup_xml_carries_the_same_programs() throws IOException {
            String xml = api.get("/hdhr/" + tuner + "/lineup.xml").body();
            JsonNode lineup = body("/hdhr/" + tuner + "/lineup.json");

            assertThat(xml).startsWith("<?xml").contains("<Lineup>");
            assertThat(xml)
                    .contains("<Program><GuideNumber>101</GuideNumber><GuideName>Two &amp; \"Friends\"</GuideName>"
                            + "<URL>" + lineup.get(1).get("URL").asText().replace("&", "&amp;") + "</URL></Program>");
        }

        @Test
        void status_says_no_scan_is_running_and_a_scan_finishes_at_once() throws IOException {
            JsonNode status = body("/hdhr/" + tuner + "/lineup_status.json");

            assertThat(status.get("ScanInProgress").asInt()).isZero();
            assertThat(status.get("ScanPossible").asInt()).isEqualTo(1);
            assertThat(status.get("SourceList").isArray()).isTrue();
            assertThat(api.post("/hdhr/" + tuner + "/lineup.post?scan=start&source=Cable", "")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api.post("/lineup.post?scan=abort", "").statusCode()).isEqualTo(200);
            assertThat(api.post("/hdhr/" + tuner + "/lineup.post?scan=sideways", "")
                            .statusCode())
                    .isEqualTo(400);
        }

        @Test
        void a_lineup_url_streams_mpeg_ts_that_ffprobe_reads_though_the_proxy_redirects() throws Exception {
            String url =
                    body("/hdhr/" + tuner + "/lineup.json").get(0).get("URL").asText();

            HttpResponse<byte[]> stream =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).contains("video/mp2t");
            Path received = Files.write(dir.resolve("received.ts"), stream.body());
            assertThat(ffprobe(received)).contains("video", "audio");
        }

        @Test
        void the_tuner_stream_of_a_proxy_with_its_tuner_off_is_not_found() throws IOException {
            JsonNode channel = body("/hdhr/" + tuner + "/lineup.json").get(0);
            String channelId = channel.get("URL").asText().replaceAll(".*/([^/?]+)\\?tuner=1$", "$1");

            assertThat(api.get("/proxy/" + off + "/" + channelId + "?tuner=1").statusCode())
                    .isEqualTo(404);
        }
    }

    @Nested
    class Limits {
        @Test
        void when_the_tuners_are_used_up_the_stream_answers_all_tuners_in_use() throws Exception {
            awaitNoRelaySession();
            JsonNode lineup = body("/hdhr/" + tuner + "/lineup.json");
            HttpResponse<InputStream> first = http.send(
                    HttpRequest.newBuilder(URI.create(lineup.get(2).get("URL").asText()))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream held = first.body()) {
                assertThat(first.statusCode()).isEqualTo(200);
                assertThat(held.readNBytes(188)).hasSize(188);

                HttpResponse<String> second = http.send(
                        HttpRequest.newBuilder(
                                        URI.create(lineup.get(1).get("URL").asText()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(second.statusCode()).isEqualTo(503);
                assertThat(second.headers().firstValue("X-HDHomeRun-Error")).contains("805 All Tuners In Use");
                assertThat(second.body()).contains("All Tuners In Use");
            }
            awaitNoRelaySession();
        }
    }

    @Nested
    class Identity {
        @Test
        void the_device_id_survives_a_restart() throws Exception {
            String before =
                    body("/hdhr/" + tuner + "/discover.json").get("DeviceID").asText();
            String auth =
                    body("/hdhr/" + tuner + "/discover.json").get("DeviceAuth").asText();

            app.close();
            app = start(dir.resolve("inputs"), freeUdpPort());

            JsonNode after = body("/hdhr/" + tuner + "/discover.json");
            assertThat(after.get("DeviceID").asText()).isEqualTo(before);
            assertThat(after.get("DeviceAuth").asText()).isEqualTo(auth);
        }
    }

    /** The held stream's session closes shortly after its viewer left; the other tests need the tuner back. */
    private void awaitNoRelaySession() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && !body("/api/v1/relay/sessions").isEmpty()) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        assertThat(body("/api/v1/relay/sessions")).isEmpty();
    }

    @Nested
    class Udp_discovery {
        @Test
        void a_wildcard_request_gets_a_reply_naming_the_device_and_its_urls() throws Exception {
            JsonNode discover = body("/hdhr/" + tuner + "/discover.json");
            int deviceId = Integer.parseUnsignedInt(discover.get("DeviceID").asText(), 16);

            List<Map<Integer, byte[]>> replies = discover(request(0xFFFFFFFF), 2);

            Map<Integer, byte[]> reply = replies.stream()
                    .filter(r -> ByteBuffer.wrap(r.get(0x02)).getInt() == deviceId)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no reply for " + discover.get("DeviceID")));
            assertThat(ByteBuffer.wrap(reply.get(0x01)).getInt())
                    .as("device type tuner")
                    .isEqualTo(1);
            assertThat(reply.get(0x10)).containsExactly(1);
            assertThat(text(reply.get(0x2A))).isEqualTo(discover.get("BaseURL").asText());
            assertThat(text(reply.get(0x27)))
                    .isEqualTo(discover.get("LineupURL").asText());
            assertThat(text(reply.get(0x2B)))
                    .isEqualTo(discover.get("DeviceAuth").asText());
        }

        @Test
        void a_request_for_one_device_id_gets_only_its_reply_and_a_bad_crc_none() throws Exception {
            int deviceId = Integer.parseUnsignedInt(
                    body("/hdhr/" + tuner + "/discover.json").get("DeviceID").asText(), 16);

            List<Map<Integer, byte[]>> replies = discover(request(deviceId), 5);
            byte[] corrupt = request(deviceId);
            corrupt[corrupt.length - 1] ^= 0x55;

            assertThat(replies).hasSize(1);
            assertThat(ByteBuffer.wrap(replies.get(0).get(0x02)).getInt()).isEqualTo(deviceId);
            assertThat(discover(corrupt, 1)).isEmpty();
        }

        @Test
        void hdhomerun_config_finds_the_device_on_port_65001() throws Exception {
            Path client = Path.of("/usr/bin/hdhomerun_config");
            if (!Files.isExecutable(client)) {
                String missing = "hdhomerun_config not installed (Debian: hdhomerun-config)";
                if ("true".equals(System.getenv("CI"))) {
                    Assertions.fail(missing + "; .ci/run installs it");
                }
                Assumptions.abort(missing);
            }
            String deviceId =
                    body("/hdhr/" + tuner + "/discover.json").get("DeviceID").asText();
            app.close();
            app = start(dir.resolve("inputs"), 65001);
            try {
                Assumptions.assumeTrue(app.discoveryPort() == 65001, "UDP port 65001 is held by another program");

                Process discover = new ProcessBuilder(client.toString(), "discover", "127.0.0.1")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(discover.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(discover.waitFor(30, TimeUnit.SECONDS)).isTrue();

                assertThat(out).containsIgnoringCase("hdhomerun device " + deviceId + " found at 127.0.0.1");
            } finally {
                app.close();
                app = start(dir.resolve("inputs"), freeUdpPort());
            }
        }

        private List<Map<Integer, byte[]>> discover(byte[] request, int expected) throws IOException {
            List<Map<Integer, byte[]>> replies = new ArrayList<>();
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout(1_000);
                socket.send(new DatagramPacket(
                        request, request.length, InetAddress.getLoopbackAddress(), app.discoveryPort()));
                byte[] buffer = new byte[1500];
                while (replies.size() < expected) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    replies.add(decode(Arrays.copyOf(buffer, packet.getLength())));
                }
            }
            return replies;
        }
    }

    @Nested
    class Ssdp {
        private static final String MEDIA_SERVER = "urn:schemas-upnp-org:device:MediaServer:1";

        @Test
        void an_m_search_for_media_servers_is_answered_with_the_location_of_device_xml() throws Exception {
            List<Map<String, String>> replies = search(MEDIA_SERVER, 3);

            Map<String, String> reply = replies.stream()
                    .filter(r -> r.get("USN").startsWith("uuid:" + tunerId + "::"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no reply for the living room: " + replies));
            assertThat(reply.get("STATUS")).isEqualTo("HTTP/1.1 200 OK");
            assertThat(reply.get("ST")).isEqualTo(MEDIA_SERVER);
            assertThat(reply.get("USN")).isEqualTo("uuid:" + tunerId + "::" + MEDIA_SERVER);
            assertThat(reply).containsKey("EXT").containsKey("CACHE-CONTROL").containsKey("SERVER");
            String location = reply.get("LOCATION");
            assertThat(location).isEqualTo("http://127.0.0.1:" + app.port() + "/hdhr/" + tuner + "/device.xml");
            HttpResponse<String> device = http.send(
                    HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(device.statusCode()).isEqualTo(200);
            assertThat(device.body())
                    .contains("<deviceType>" + MEDIA_SERVER + "</deviceType>")
                    .contains("<UDN>uuid:" + tunerId + "</UDN>");
        }

        @Test
        void ssdp_all_gets_the_root_device_the_udn_and_both_device_types() throws Exception {
            List<String> targets = search("ssdp:all", 20).stream()
                    .filter(r -> r.get("USN").startsWith("uuid:" + tunerId))
                    .map(r -> r.get("ST"))
                    .toList();

            assertThat(targets)
                    .containsExactlyInAnyOrder(
                            "upnp:rootdevice",
                            "uuid:" + tunerId,
                            MEDIA_SERVER,
                            "urn:schemas-silicondust-com:device:HDHomeRun:1");
            assertThat(search("upnp:rootdevice", 5))
                    .extracting(r -> r.get("USN"))
                    .contains("uuid:" + tunerId + "::upnp:rootdevice");
            assertThat(search("urn:schemas-silicondust-com:device:HDHomeRun:1", 5))
                    .extracting(r -> r.get("USN"))
                    .contains("uuid:" + tunerId + "::urn:schemas-silicondust-com:device:HDHomeRun:1");
        }

        @Test
        void a_proxy_with_its_tuner_off_and_other_device_types_get_no_answer() throws Exception {
            assertThat(search("ssdp:all", 20)).noneMatch(r -> r.get("USN").contains(off));
            assertThat(search("urn:schemas-upnp-org:device:InternetGatewayDevice:1", 1))
                    .isEmpty();
        }

        @Test
        void a_port_another_program_holds_leaves_tvarr_serving_without_ssdp() throws Exception {
            try (DatagramSocket holder = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
                flags.put(ConfigKey.SERVER_PORT, "0");
                flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
                flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
                flags.put(ConfigKey.HDHOMERUN_SSDP_PORT, Integer.toString(holder.getLocalPort()));
                flags.put(ConfigKey.DATA_DIR, dir.resolve("data-held").toString());
                try (TvarrApplication second = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags))) {
                    assertThat(second.ssdpPort()).isZero();
                    assertThat(new ApiClient(second).get("/readyz").statusCode())
                            .isEqualTo(200);
                }
            }
        }

        /** Sends an M-SEARCH as a UPnP control point does and collects the replies' headers. */
        private List<Map<String, String>> search(String target, int expected) throws IOException {
            String request = "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n"
                    + "ST: " + target + "\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            List<Map<String, String>> replies = new ArrayList<>();
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout(1_000);
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), app.ssdpPort()));
                byte[] buffer = new byte[2048];
                while (replies.size() < expected) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    replies.add(headers(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8)));
                }
            }
            return replies;
        }

        private static Map<String, String> headers(String reply) {
            Map<String, String> headers = new HashMap<>();
            List<String> lines = reply.lines().toList();
            headers.put("STATUS", lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon).toUpperCase(java.util.Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            return headers;
        }
    }

    /** A discovery request as libhdhomerun sends it: device type tuner, the given device id, CRC-32 last. */
    private static byte[] request(int deviceId) {
        ByteBuffer packet = ByteBuffer.allocate(4 + 12 + 4);
        packet.putShort((short) 2).putShort((short) 12);
        packet.put((byte) 0x01).put((byte) 4).putInt(1);
        packet.put((byte) 0x02).put((byte) 4).putInt(deviceId);
        CRC32 crc = new CRC32();
        crc.update(packet.array(), 0, 16);
        packet.order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
        return packet.array();
    }

    /** A reply's fields by tag, after checking its type, length and CRC. */
    private static Map<Integer, byte[]> decode(byte[] packet) {
        ByteBuffer buffer = ByteBuffer.wrap(packet);
        assertThat(buffer.getShort()).as("reply type").isEqualTo((short) 3);
        int length = buffer.getShort();
        assertThat(packet.length).isEqualTo(4 + length + 4);
        CRC32 crc = new CRC32();
        crc.update(packet, 0, 4 + length);
        assertThat(ByteBuffer.wrap(packet, 4 + length, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt())
                .isEqualTo((int) crc.getValue());
        Map<Integer, byte[]> fields = new HashMap<>();
        while (buffer.position() < 4 + length) {
            int tag = buffer.get() & 0xFF;
            int size = buffer.get() & 0xFF;
            if (size >= 0x80) {
                size = (size & 0x7F) | (buffer.get() & 0xFF) << 7;
            }
            byte[] value = new byte[size];
            buffer.get(value);
            fields.put(tag, value);
        }
        return fields;
    }

    private static String text(byte[] value) {
        int end = value.length > 0 && value[value.length - 1] == 0 ? value.length - 1 : value.length;
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private JsonNode body(String path) throws IOException {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String id(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body()).get("id").asText();
    }

    /** The provider: {@code three.ts} sends its media slowly, so a viewer holds the connection for a while. */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "video/mp2t");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            if (path.endsWith("three.ts")) {
                for (int i = 0; i < media.length; i += 188 * 50) {
                    out.write(media, i, Math.min(188 * 50, media.length - i));
                    out.flush();
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
            } else {
                out.write(media);
            }
        } catch (IOException e) {
            // the relay left: nothing to do
        }
    }

    private static String ffprobe(Path file) throws Exception {
        Process probe = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_type",
                        "-of",
                        "csv=p=0",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(out).isZero();
        return out;
    }

    /** Four seconds of real MPEG-TS made by FFmpeg (MPEG-2 video, MP2 audio), as the relay tests make it. */
    private static byte[] sample() throws Exception {
        Path sample = dir.resolve("sample.ts");
        Process make;
        try {
            List<String> command = new ArrayList<>(List.of("ffmpeg"));
            command.addAll(SampleMedia.mpegTsArguments(sample, 4));
            make = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            Assumptions.abort("FFmpeg not installed, skipping the HDHomeRun tests: " + e.getMessage());
            throw e;
        }
        assertThat(make.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readAllBytes(sample);
    }
}
