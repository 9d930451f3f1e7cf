package io.tvarr.app;

import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.port.in.Playback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Turns a relayed stream, which writes, into a stream the caller reads: a background task copies the channel into
 * a pipe. Refusals and failures before the first bytes are thrown from {@link #open}; once the caller closes the
 * returned stream, the next write fails and the task leaves the channel.
 */
final class ChannelPipe {
    private static final int BUFFER = 1 << 20;

    private ChannelPipe() {}

    static InputStream open(Playback.Stream stream, Executor executor) {
        PipedInputStream in = new PipedInputStream(BUFFER);
        PipedOutputStream out = connect(in);
        CompletableFuture<Void> started = new CompletableFuture<>();
        executor.execute(() -> copy(stream, out, started));
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(in);
            throw new UpstreamException("channel: interrupted while waiting for its first bytes", e);
        } catch (ExecutionException e) {
            closeQuietly(in);
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new UpstreamException("channel: " + e.getCause().getMessage(), e.getCause());
        }
        return in;
    }

    private static void copy(Playback.Stream stream, OutputStream out, CompletableFuture<Void> started) {
        try (out) {
            stream.transferTo(out, () -> started.complete(null));
        } catch (IOException e) {
            // the reader closed the pipe: it left the channel
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
        } finally {
            started.complete(null);
        }
    }

    private static PipedOutputStream connect(PipedInputStream in) {
        try {
            return new PipedOutputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was read from it yet; there is nothing to lose
        }
    }
}
