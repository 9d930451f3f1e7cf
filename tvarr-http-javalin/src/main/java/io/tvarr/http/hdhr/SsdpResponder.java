package io.tvarr.http.hdhr;

import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.proxy.port.in.DescribeTunerUseCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers SSDP M-SEARCH requests on UDP (port 1900, group 239.255.255.250) for {@code ssdp:all}, {@code
 * upnp:rootdevice}, the UPnP MediaServer and the HDHomeRun device types: one reply per proxy whose tuner is on and
 * which is not a token proxy, LOCATION its device.xml under the advertised base URL. Other packets are ignored. The
 * socket shares its port ({@code SO_REUSEADDR}) with other SSDP software on the machine. Announces the same devices
 * with NOTIFY {@code ssdp:alive} at start and every {@link #ANNOUNCE_EVERY}, {@code ssdp:byebye} for a device that
 * went and for all at close. Owns its socket and its two threads; {@link #close()} ends them.
 */
public final class SsdpResponder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SsdpResponder.class);
    private static final String GROUP = "239.255.255.250";

    /** How often devices are announced again: a third of max-age, so one lost announcement is forgiven. */
    public static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(SsdpMessages.MAX_AGE_SECONDS / 3);

    private final MulticastSocket socket;
    private final List<NetworkInterface> interfaces;
    private final DescribeTunerUseCase tuners;
    private final String server;
    private final Thread thread;
    private final ScheduledExecutorService announcer;
    /** The devices last announced alive, told byebye when they go (tuner switched off, proxy deleted, shutdown). */
    private final Set<TunerDevice> announced = new HashSet<>();

    private final RepeatedFailures announcementFailures = new RepeatedFailures();

    private SsdpResponder(
            MulticastSocket socket, List<NetworkInterface> interfaces, DescribeTunerUseCase tuners, String version) {
        this.socket = socket;
        this.interfaces = List.copyOf(interfaces);
        this.tuners = tuners;
        this.server = "Linux/" + System.getProperty("os.version", "0") + " UPnP/1.0 tvarr/" + version;
        this.thread = new Thread(this::serve, "ssdp-responder");
        this.thread.setDaemon(true);
        this.announcer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ssdp-announcer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Listens on {@code address} (port 0 for any free one), joins the SSDP group on every interface that takes it,
     * and starts answering. An interface that refuses the group is skipped: requests sent to the port directly are
     * still answered.
     *
     * @param version tvarr's version, for the SERVER header
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SsdpResponder start(InetSocketAddress address, DescribeTunerUseCase tuners, String version) {
        return start(address, tuners, version, ANNOUNCE_EVERY);
    }

    /**
     * As {@link #start(InetSocketAddress, DescribeTunerUseCase, String)}, and announces every device ({@code
     * ssdp:alive} NOTIFY to the group on the bound port) at once and every {@code announceEvery}; {@link #close()}
     * says {@code ssdp:byebye} for each.
     */
    public static SsdpResponder start(
            InetSocketAddress address, DescribeTunerUseCase tuners, String version, Duration announceEvery) {
        try {
            MulticastSocket socket = new MulticastSocket(null);
            socket.setReuseAddress(true);
            socket.bind(address);
            // UDA 1.1: announcements go no further than two routers
            socket.setTimeToLive(2);
            List<NetworkInterface> joined = join(socket);
            SsdpResponder responder = new SsdpResponder(socket, joined, tuners, version);
            responder.thread.start();
            responder.announcer.scheduleWithFixedDelay(
                    responder::announce, 0, announceEvery.toMillis(), TimeUnit.MILLISECONDS);
            log.info(
                    "ssdp responder started address={} port={} interfaces={} announce_every_s={}",
                    address.getHostString(),
                    socket.getLocalPort(),
                    joined.size(),
                    announceEvery.toSeconds());
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ssdp: UDP port " + address.getPort() + " could not be bound (" + e.getMessage() + ")", e);
        }
    }

    private static List<NetworkInterface> join(MulticastSocket socket) throws IOException {
        List<NetworkInterface> joined = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || !nic.supportsMulticast()) {
                continue;
            }
            try {
                socket.joinGroup(new InetSocketAddress(InetAddress.getByName(GROUP), 0), nic);
                joined.add(nic);
            } catch (IOException e) {
                // an interface without IPv4 or multicast routing: requests on the others still arrive
                log.debug("ssdp group not joined interface={} reason={}", nic.getName(), e.getMessage());
            }
        }
        return joined;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket received = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(received);
                Optional<String> target = SsdpMessages.searchTarget(buffer, received.getLength());
                if (target.isPresent()) {
                    answer(target.get(), received.getSocketAddress());
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("ssdp request failed reason={}", e.getMessage());
                }
            } catch (RuntimeException e) {
                // a store that is briefly unavailable must not end SSDP; the client searches again
                log.warn("ssdp answer failed reason={}", e.getMessage());
            }
        }
    }

    private void answer(String target, SocketAddress client) throws IOException {
        for (TunerDevice device : tuners.describeAll()) {
            for (String reply : SsdpMessages.replies(device, target, server)) {
                byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(bytes, bytes.length, client));
            }
        }
    }

    /** Says byebye for the devices that went since the last round, and alive for every device there is now. */
    private void announce() {
        try {
            Set<TunerDevice> now = new HashSet<>(tuners.describeAll());
            synchronized (announced) {
                for (TunerDevice gone : announced) {
                    if (!now.contains(gone)) {
                        notify(gone, false);
                    }
                }
                for (TunerDevice device : now) {
                    notify(device, true);
                }
                announced.clear();
                announced.addAll(now);
            }
            if (announcementFailures.succeeded()) {
                log.info("ssdp announcements resumed");
            }
        } catch (IOException | RuntimeException e) {
            // a store briefly unavailable or a network going down must not end the announcements; the next round
            // comes within max-age
            String reason = String.valueOf(e.getMessage());
            if (announcementFailures.failed(reason)) {
                log.warn(
                        "ssdp announcement failed reason={} (said once until it changes or recovers; players still"
                                + " find tvarr by M-SEARCH, by HDHomeRun discovery or by its address)",
                        reason);
            } else {
                log.debug("ssdp announcement failed again reason={}", reason);
            }
        }
    }

    private void byebye() {
        synchronized (announced) {
            for (TunerDevice device : announced) {
                try {
                    notify(device, false);
                } catch (IOException e) {
                    // shutting down: control points forget the device when its max-age runs out
                    log.info("ssdp byebye not sent device={} reason={}", device.deviceId(), e.getMessage());
                }
            }
            announced.clear();
        }
    }

    /** Sends a device's NOTIFY messages to the group on every interface that joined it (else the default one). */
    private void notify(TunerDevice device, boolean alive) throws IOException {
        InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(GROUP), socket.getLocalPort());
        String host = GROUP + ":" + socket.getLocalPort();
        for (String message : SsdpMessages.notifications(device, alive, host, server)) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            synchronized (socket) {
                if (interfaces.isEmpty()) {
                    socket.send(new DatagramPacket(bytes, bytes.length, group));
                }
                for (NetworkInterface nic : interfaces) {
                    socket.setNetworkInterface(nic);
                    socket.send(new DatagramPacket(bytes, bytes.length, group));
                }
            }
        }
    }

    @Override
    public void close() {
        announcer.shutdownNow();
        try {
            announcer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byebye();
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("ssdp responder stopped");
    }
}
