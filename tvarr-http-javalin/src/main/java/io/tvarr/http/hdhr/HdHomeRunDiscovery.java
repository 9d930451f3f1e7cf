package io.tvarr.http.hdhr;

import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.proxy.port.in.DescribeTunerUseCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the SiliconDust discovery protocol on UDP (port 65001 for Plex and libhdhomerun clients such as {@code
 * hdhomerun_config discover}): a request for tuners, or for any device, gets one reply per proxy whose tuner is on,
 * with its device type, DeviceID, tuner count, DeviceAuth, base URL and lineup URL; a request naming one DeviceID
 * only that device's. Malformed packets and requests for other device types are ignored, as a device ignores them.
 * Owns its socket and its thread; {@link #close()} ends both.
 */
public final class HdHomeRunDiscovery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HdHomeRunDiscovery.class);

    private final DatagramSocket socket;
    private final DescribeTunerUseCase tuners;
    private final Thread thread;

    private HdHomeRunDiscovery(DatagramSocket socket, DescribeTunerUseCase tuners) {
        this.socket = socket;
        this.tuners = tuners;
        this.thread = new Thread(this::serve, "hdhomerun-discovery");
        this.thread.setDaemon(true);
    }

    /**
     * Listens on {@code address} (port 0 for any free one) and starts answering.
     *
     * @throws UncheckedIOException when the port cannot be bound (another process holds it)
     */
    public static HdHomeRunDiscovery start(InetSocketAddress address, DescribeTunerUseCase tuners) {
        try {
            DatagramSocket socket = new DatagramSocket(address);
            HdHomeRunDiscovery discovery = new HdHomeRunDiscovery(socket, tuners);
            discovery.thread.start();
            log.info("hdhomerun discovery started address={} port={}", address.getHostString(), socket.getLocalPort());
            return discovery;
        } catch (SocketException e) {
            throw new UncheckedIOException(
                    "hdhomerun discovery: UDP port " + address.getPort() + " could not be bound (" + e.getMessage()
                            + ")",
                    e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[1460];
        while (!socket.isClosed()) {
            DatagramPacket received = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(received);
                Optional<DiscoveryPacket> request = DiscoveryPacket.decode(buffer, received.getLength());
                if (request.isPresent() && request.get().type() == DiscoveryPacket.DISCOVER_REQUEST) {
                    answer(request.get(), received.getSocketAddress());
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("hdhomerun discovery request failed reason={}", e.getMessage());
                }
            } catch (RuntimeException e) {
                // a store that is briefly unavailable must not end discovery; the client asks again
                log.warn("hdhomerun discovery answer failed reason={}", e.getMessage());
            }
        }
    }

    private void answer(DiscoveryPacket request, SocketAddress client) throws IOException {
        if (!asksForTuners(request)) {
            return;
        }
        int wanted = request.field(DiscoveryPacket.TAG_DEVICE_ID)
                .map(f ->
                        f.ints().isEmpty() ? DiscoveryPacket.WILDCARD : f.ints().get(0))
                .orElse(DiscoveryPacket.WILDCARD);
        for (TunerDevice device : tuners.describeAll()) {
            if (wanted == DiscoveryPacket.WILDCARD
                    || wanted == device.deviceId().value()) {
                byte[] reply = reply(device).encode();
                socket.send(new DatagramPacket(reply, reply.length, client));
            }
        }
    }

    private static boolean asksForTuners(DiscoveryPacket request) {
        List<Integer> types = request.field(DiscoveryPacket.TAG_MULTI_TYPE)
                .or(() -> request.field(DiscoveryPacket.TAG_DEVICE_TYPE))
                .map(DiscoveryPacket.Field::ints)
                .orElse(List.of(DiscoveryPacket.WILDCARD));
        return types.contains(DiscoveryPacket.WILDCARD) || types.contains(DiscoveryPacket.DEVICE_TYPE_TUNER);
    }

    static DiscoveryPacket reply(TunerDevice device) {
        return new DiscoveryPacket(
                DiscoveryPacket.DISCOVER_REPLY,
                List.of(
                        DiscoveryPacket.Field.ofInt(DiscoveryPacket.TAG_DEVICE_TYPE, DiscoveryPacket.DEVICE_TYPE_TUNER),
                        DiscoveryPacket.Field.ofInt(
                                DiscoveryPacket.TAG_DEVICE_ID, device.deviceId().value()),
                        new DiscoveryPacket.Field(
                                DiscoveryPacket.TAG_TUNER_COUNT,
                                new byte[] {(byte) Math.min(device.tunerCount(), 255)}),
                        DiscoveryPacket.Field.ofText(DiscoveryPacket.TAG_DEVICE_AUTH, device.deviceAuth()),
                        DiscoveryPacket.Field.ofText(DiscoveryPacket.TAG_BASE_URL, device.baseUrl()),
                        DiscoveryPacket.Field.ofText(DiscoveryPacket.TAG_LINEUP_URL, device.lineupUrl())));
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("hdhomerun discovery stopped");
    }
}
