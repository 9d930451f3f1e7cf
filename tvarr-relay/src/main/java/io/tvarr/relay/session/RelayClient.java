package io.tvarr.relay.session;

import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.StreamSubscription;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client watching a {@link RelaySession}, reading the session's ring at its own position. */
final class RelayClient implements StreamSubscription {
    // the session's logger, so a client cut off is logged where it always was
    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);

    final ClientInfo info;
    final Instant connectedAt;
    private final RingBuffer ring;
    private final ChannelId channel;
    private final Consumer<RelayClient> leave;
    private final RingBuffer.Cursor cursor;
    private volatile long sent;
    private final AtomicBoolean closed = new AtomicBoolean();

    RelayClient(
            ClientInfo info,
            RingBuffer ring,
            ChannelId channel,
            RingBuffer.Cursor cursor,
            Instant connectedAt,
            Consumer<RelayClient> leave) {
        this.info = info;
        this.ring = ring;
        this.channel = channel;
        this.cursor = cursor;
        this.connectedAt = connectedAt;
        this.leave = leave;
    }

    /** The bytes handed to the client so far. */
    long sent() {
        return sent;
    }

    @Override
    public int read(byte[] buffer) {
        return next(() -> ring.read(cursor, buffer, 1000));
    }

    /** Writes from the session's ring buffer itself; {@code buffer} only caps the count and stays untouched. */
    @Override
    public int writeTo(OutputStream out, byte[] buffer) throws IOException {
        return next(() -> ring.writeTo(cursor, buffer.length, 1000, out::write));
    }

    /** One step of the ring: a count of bytes, 0 after a wait without any, or -1 at the end. */
    private interface Step<X extends Exception> {
        int take() throws InterruptedException, X;
    }

    /** Takes steps until some bytes or the end; a client cut off is logged, an interrupt kept. */
    private <X extends Exception> int next(Step<X> step) throws X {
        try {
            while (true) {
                int n = step.take();
                if (n > 0) {
                    sent += n;
                    return n;
                }
                if (n < 0) {
                    return -1;
                }
            }
        } catch (RingBuffer.Behind e) {
            throw cutOff(e);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private RingBuffer.Behind cutOff(RingBuffer.Behind e) {
        log.info("relay client cut off channel_id={} client={} reason={}", channel, info.address(), e.getMessage());
        return e;
    }

    private static UpstreamException interrupted() {
        Thread.currentThread().interrupt();
        return new UpstreamException("interrupted");
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ring.leave(cursor);
            leave.accept(this);
        }
    }
}
