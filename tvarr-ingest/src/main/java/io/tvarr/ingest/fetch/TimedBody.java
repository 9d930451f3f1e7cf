package io.tvarr.ingest.fetch;

import io.tvarr.domain.UpstreamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A response body read as an {@link InputStream} that gives up when no bytes arrive for the idle timeout or when
 * the download's deadline passes. The JDK client's request timeout covers only the wait for the headers, so
 * without this an upstream that stalls mid-body holds its reader for as long as TCP keeps the connection.
 *
 * <p>Use it as the body handler's subscriber ({@code client.send(request, info -> body)}); the body is pulled
 * one chunk at a time, so memory stays flat. A timeout throws {@link UpstreamException} naming the URL and the
 * limit, and cancels the download. One reading thread; {@link #close} may be called from any thread.
 */
public final class TimedBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final String where;
    private final Duration idle;
    private final Duration total;
    private final long deadline;
    private volatile Flow.@Nullable Subscription subscription;
    private volatile boolean closed;
    private @Nullable Iterator<ByteBuffer> chunk;
    private @Nullable ByteBuffer current;
    private boolean ended;

    /**
     * @param where the redacted URL, for messages
     * @param idle the longest wait for the next bytes
     * @param total the longest the whole download may take, counted from {@code startNanos}
     * @param startNanos when the download started, from {@link System#nanoTime()}
     */
    public TimedBody(String where, Duration idle, Duration total, long startNanos) {
        this.where = where;
        this.idle = idle;
        this.total = total;
        this.deadline = startNanos + total.toNanos();
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        if (closed) {
            subscription.cancel();
            return;
        }
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrived.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        arrived.add(throwable);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException(where + ": body already closed");
        }
        if (length == 0) {
            return 0;
        }
        ByteBuffer bytes = next();
        if (bytes == null) {
            return -1;
        }
        int n = Math.min(length, bytes.remaining());
        bytes.get(buffer, offset, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    /** The buffer holding the next bytes, waiting for the next chunk when needed; null at the end. */
    private @Nullable ByteBuffer next() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (chunk != null && chunk.hasNext()) {
                current = chunk.next();
                continue;
            }
            if (ended) {
                return null;
            }
            Object item = await();
            if (item == END) {
                ended = true;
                return null;
            }
            if (item instanceof Throwable failure) {
                ended = true;
                throw new IOException(where + ": " + failure.getMessage(), failure);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> buffers = (List<ByteBuffer>) item;
            chunk = buffers.iterator();
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
        }
        return current;
    }

    private Object await() throws IOException {
        long left = deadline - System.nanoTime();
        long wait = Math.min(idle.toNanos(), left);
        Object item = null;
        if (wait > 0) {
            try {
                item = arrived.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new InterruptedIOException(where + ": interrupted");
            }
        }
        if (item != null) {
            return item;
        }
        close();
        throw new UpstreamException(
                left <= idle.toNanos()
                        ? where + ": download not complete within " + seconds(total) + " (deadline)"
                        : where + ": no data for " + seconds(idle) + " (read timeout)");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0)
                .replace(".0 s", " s");
    }

    /** Cancels the download; later reads fail. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        subscription = null;
        if (s != null) {
            s.cancel();
        }
        arrived.clear();
    }
}
