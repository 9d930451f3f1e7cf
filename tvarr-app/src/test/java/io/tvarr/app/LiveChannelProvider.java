package io.tvarr.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's live channel that counts the connections open at once as its kernel sees them: each connection gets
 * MPEG-TS null packets every 20 ms until it hangs up, and before a new connection is counted, every connection whose
 * player already hung up is dropped. A provider that counts in its handler threads notices a hang-up only at its
 * next write, so it would count a connection tvarr closed before handing its slot on as still open beside the next
 * one. One thread serves every connection.
 */
final class LiveChannelProvider implements AutoCloseable {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: video/mp2t\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final long PACKETS_EVERY_NANOS = 20_000_000;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread loop;
    private final byte[] packets = nullPackets(7);
    /** The open connections and what each still has to be sent; the loop's thread only. */
    private final Map<SocketChannel, Connection> open = new HashMap<>();

    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile boolean closed;

    private LiveChannelProvider(ServerSocketChannel server, Selector selector) {
        this.server = server;
        this.selector = selector;
        this.loop = new Thread(this::serve, "live-channel-provider");
        loop.setDaemon(true);
    }

    static LiveChannelProvider start() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        server.configureBlocking(false);
        Selector selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        LiveChannelProvider provider = new LiveChannelProvider(server, selector);
        provider.loop.start();
        return provider;
    }

    String url() throws IOException {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort() + "/live.ts";
    }

    /** The most connections that were open at once. */
    int mostOpenAtOnce() {
        return mostOpen.get();
    }

    private void serve() {
        long nextPackets = System.nanoTime();
        try {
            while (!closed) {
                selector.select(Math.max(1, (nextPackets - System.nanoTime()) / 1_000_000));
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept();
                    } else if (key.isValid() && key.isReadable()) {
                        read((SocketChannel) key.channel());
                    }
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() - nextPackets >= 0) {
                    new ArrayList<>(open.keySet()).forEach(this::send);
                    nextPackets = System.nanoTime() + PACKETS_EVERY_NANOS;
                }
            }
        } catch (IOException e) {
            // the provider is closing
        } finally {
            new ArrayList<>(open.keySet()).forEach(this::drop);
        }
    }

    private void accept() throws IOException {
        SocketChannel player = server.accept();
        if (player == null) {
            return;
        }
        // a connection tvarr closed is known to the kernel at once, whether or not a write noticed it yet
        new ArrayList<>(open.keySet()).forEach(this::read);
        player.configureBlocking(false);
        player.register(selector, SelectionKey.OP_READ);
        open.put(player, new Connection());
        mostOpen.accumulateAndGet(open.size(), Math::max);
    }

    /** Reads what the player sent (its request, then nothing); drops the connection when it hung up. */
    private void read(SocketChannel player) {
        Connection connection = open.get(player);
        if (connection == null) {
            return;
        }
        ByteBuffer scratch = ByteBuffer.allocate(4096);
        try {
            int read;
            while ((read = player.read(scratch.clear())) > 0) {
                connection.requestHead.append(new String(scratch.array(), 0, read, StandardCharsets.US_ASCII));
            }
            if (read < 0) {
                drop(player);
            } else if (connection.pending == null && connection.requestHead.indexOf("\r\n\r\n") >= 0) {
                connection.pending = ByteBuffer.wrap(ANSWER);
            }
        } catch (IOException e) {
            drop(player);
        }
    }

    /** The next packets, once the answer's head and earlier packets are out; a slow player misses some. */
    private void send(SocketChannel player) {
        Connection connection = open.get(player);
        if (connection == null || connection.pending == null) {
            return;
        }
        try {
            if (!connection.pending.hasRemaining()) {
                connection.pending = ByteBuffer.wrap(packets);
            }
            player.write(connection.pending);
        } catch (IOException e) {
            drop(player);
        }
    }

    private void drop(SocketChannel player) {
        open.remove(player);
        try {
            player.close();
        } catch (IOException e) {
            // gone already
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
        server.close();
    }

    private static byte[] nullPackets(int count) {
        byte[] bytes = new byte[188 * count];
        for (int i = 0; i < bytes.length; i += 188) {
            bytes[i] = 0x47;
            bytes[i + 1] = 0x1f;
            bytes[i + 2] = (byte) 0xff;
            bytes[i + 3] = 0x10;
        }
        return bytes;
    }

    private static final class Connection {
        final StringBuilder requestHead = new StringBuilder();
        ByteBuffer pending;
    }
}
