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
import java.util.Collections;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers SSDP M-SEARCH requests on UDP (port 1900, group 239.255.255.250) for {@code ssdp:all}, {@code
 * upnp:rootdevice}, the UPnP MediaServer and the HDHomeRun device types: one reply per proxy whose tuner is on and
 * which is not a token proxy, LOCATION its device.xml under the advertised base URL. Other packets are ignored. The
 * socket shares its port ({@code SO_REUSEADDR}) with other SSDP software on the machine. Owns its socket and its
 * thread; {@link #close()} ends both.
 */
public final class SsdpResponder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SsdpResponder.class);
    private static final String GROUP = "239.255.255.250";

    private final MulticastSocket socket;
    private final DescribeTunerUseCase tuners;
    private final String server;
    private final Thread thread;

    private SsdpResponder(MulticastSocket socket, DescribeTunerUseCase tuners, String version) {
        this.socket = socket;
        this.tuners = tuners;
        this.server = "Linux/" + System.getProperty("os.version", "0") + " UPnP/1.0 tvarr/" + version;
        this.thread = new Thread(this::serve, "ssdp-responder");
        this.thread.setDaemon(true);
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
        try {
            MulticastSocket socket = new MulticastSocket(null);
            socket.setReuseAddress(true);
            socket.bind(address);
            int joined = join(socket);
            SsdpResponder responder = new SsdpResponder(socket, tuners, version);
            responder.thread.start();
            log.info(
                    "ssdp responder started address={} port={} interfaces={}",
                    address.getHostString(),
                    socket.getLocalPort(),
                    joined);
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ssdp: UDP port " + address.getPort() + " could not be bound (" + e.getMessage() + ")", e);
        }
    }

    private static int join(MulticastSocket socket) throws IOException {
        int joined = 0;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || !nic.supportsMulticast()) {
                continue;
            }
            try {
                socket.joinGroup(new InetSocketAddress(InetAddress.getByName(GROUP), 0), nic);
                joined++;
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

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("ssdp responder stopped");
    }
}
