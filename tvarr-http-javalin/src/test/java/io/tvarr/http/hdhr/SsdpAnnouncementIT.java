package io.tvarr.http.hdhr;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.proxy.TunerDeviceId;
import io.tvarr.domain.proxy.port.in.DescribeTunerUseCase;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NOTIFY announcements heard by a real multicast listener on the SSDP group: alive at start and again after the
 * interval, byebye for a device that went and for every device at close. Skipped, saying so, only when this machine
 * cannot deliver multicast at all (the listener does not hear a datagram sent to the group by the test itself).
 */
class SsdpAnnouncementIT {
    private static final String GROUP = "239.255.255.250";
    private static final ProxyId LIVING_ROOM = ProxyId.random();
    private static final ProxyId BEDROOM = ProxyId.random();

    private final List<TunerDevice> devices = new CopyOnWriteArrayList<>(List.of(device(LIVING_ROOM), device(BEDROOM)));
    private MulticastSocket listener;
    private int port;

    @BeforeEach
    void listen() throws IOException {
        listener = new MulticastSocket(null);
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(0));
        port = listener.getLocalPort();
        listener.setSoTimeout(200);
        int joined = 0;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && nic.supportsMulticast()) {
                try {
                    listener.joinGroup(new InetSocketAddress(InetAddress.getByName(GROUP), 0), nic);
                    joined++;
                } catch (IOException e) {
                    // an interface without multicast routing: the others may still hear
                }
            }
        }
        Assumptions.assumeTrue(joined > 0, "multicast is impossible here: no interface joins " + GROUP);
        Assumptions.assumeTrue(
                multicastArrives(), "multicast is impossible here: a datagram sent to " + GROUP + " never arrived");
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void every_device_is_announced_alive_at_start_and_again_within_max_age() throws IOException {
        try (SsdpResponder responder = start(Duration.ofMillis(500))) {
            List<String> first = hear(8, Duration.ofSeconds(5));
            List<String> again = hear(8, Duration.ofSeconds(5));

            assertThat(first)
                    .hasSize(8)
                    .allSatisfy(message -> assertThat(message)
                            .startsWith("NOTIFY * HTTP/1.1\r\n")
                            .contains("HOST: " + GROUP + ":" + port + "\r\n")
                            .contains("NTS: ssdp:alive\r\n")
                            .contains("CACHE-CONTROL: max-age=1800\r\n")
                            .endsWith("\r\n\r\n"));
            assertThat(first)
                    .filteredOn(m -> m.contains("uuid:" + LIVING_ROOM))
                    .extracting(SsdpAnnouncementIT::nt)
                    .containsExactlyInAnyOrder(
                            "upnp:rootdevice",
                            "uuid:" + LIVING_ROOM,
                            "urn:schemas-upnp-org:device:MediaServer:1",
                            "urn:schemas-silicondust-com:device:HDHomeRun:1");
            assertThat(first)
                    .filteredOn(m -> m.contains("NT: upnp:rootdevice\r\n") && m.contains("uuid:" + BEDROOM))
                    .singleElement()
                    .satisfies(m -> assertThat(m)
                            .contains("LOCATION: http://192.168.1.5:8080/hdhr/" + BEDROOM + "/device.xml\r\n")
                            .contains("USN: uuid:" + BEDROOM + "::upnp:rootdevice\r\n"));
            assertThat(again).as("announced again").hasSize(8).allMatch(m -> m.contains("NTS: ssdp:alive"));
        }
    }

    @Test
    void a_device_that_went_and_at_close_every_device_says_byebye() throws IOException {
        SsdpResponder responder = start(Duration.ofMillis(500));
        try {
            hear(8, Duration.ofSeconds(5));
            devices.removeIf(d -> d.proxy().equals(BEDROOM));

            List<String> gone = untilByebye(Duration.ofSeconds(5));

            assertThat(gone)
                    .hasSize(4)
                    .allSatisfy(m -> assertThat(m).contains("uuid:" + BEDROOM).doesNotContain("LOCATION"));
        } finally {
            responder.close();
        }
        List<String> closing = untilByebye(Duration.ofSeconds(5));
        assertThat(closing)
                .hasSize(4)
                .allSatisfy(m -> assertThat(m).contains("NTS: ssdp:byebye\r\n").contains("uuid:" + LIVING_ROOM));
    }

    private SsdpResponder start(Duration every) {
        return SsdpResponder.start(new InetSocketAddress(port), new Devices(), "test", every);
    }

    /**
     * The next {@code count} distinct NOTIFY messages heard, in order; fewer when the time runs out. Distinct, since
     * on a machine with several interfaces each message arrives once per interface.
     */
    private List<String> hear(int count, Duration within) throws IOException {
        List<String> heard = new ArrayList<>();
        Instant deadline = Instant.now().plus(within);
        while (heard.size() < count && Instant.now().isBefore(deadline)) {
            receive().filter(m -> m.startsWith("NOTIFY") && !heard.contains(m)).ifPresent(heard::add);
        }
        return heard;
    }

    /** The byebye messages of the next round that has any, skipping alive ones. */
    private List<String> untilByebye(Duration within) throws IOException {
        List<String> byebye = new ArrayList<>();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline) && byebye.size() < 4) {
            receive()
                    .filter(m -> m.contains("NTS: ssdp:byebye") && !byebye.contains(m))
                    .ifPresent(byebye::add);
        }
        return byebye;
    }

    private java.util.Optional<String> receive() throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            listener.receive(packet);
        } catch (SocketTimeoutException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8));
    }

    private boolean multicastArrives() throws IOException {
        byte[] probe = "tvarr multicast probe".getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket sender = new DatagramSocket()) {
            sender.send(new DatagramPacket(probe, probe.length, InetAddress.getByName(GROUP), port));
        } catch (IOException e) {
            return false;
        }
        Instant deadline = Instant.now().plusSeconds(2);
        while (Instant.now().isBefore(deadline)) {
            if (receive().filter(m -> m.equals("tvarr multicast probe")).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String nt(String message) {
        return message.lines()
                .filter(l -> l.startsWith("NT: "))
                .findFirst()
                .orElseThrow()
                .substring(4);
    }

    private static TunerDevice device(ProxyId proxy) {
        return new TunerDevice(
                proxy, "Tuner", TunerDeviceId.of(proxy), "auth", "http://192.168.1.5:8080/hdhr/" + proxy, 2);
    }

    private final class Devices implements DescribeTunerUseCase {
        @Override
        public TunerDevice describe(String idOrSlug) {
            throw new NotFoundException("not asked");
        }

        @Override
        public TunerDevice describeDefault() {
            throw new NotFoundException("not asked");
        }

        @Override
        public List<TunerDevice> describeAll() {
            return List.copyOf(devices);
        }
    }
}
