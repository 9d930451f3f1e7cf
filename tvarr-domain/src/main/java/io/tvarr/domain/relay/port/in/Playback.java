package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.RelayedFile;
import java.io.IOException;
import java.io.OutputStream;

/** How a player gets a channel: sent to the upstream, or served the bytes by tvarr. */
public sealed interface Playback {
    /**
     * The player fetches the channel from the provider itself (redirect delivery).
     *
     * @param location the upstream URL as the provider wrote it; kept a string because playlists carry URLs
     *     {@link java.net.URI} refuses (spaces, Kodi's {@code url|User-Agent=…})
     */
    record Redirect(String location) implements Playback {
        public Redirect {
            Checks.requireNonNull(location, "location");
        }
    }

    /**
     * tvarr serves the bytes: the shared upstream as it comes (proxy delivery) or FFmpeg's output for the proxy's
     * relay profile (transcode delivery). Holds no connection until {@link #transferTo} is called, so answering a
     * HEAD request costs nothing upstream.
     */
    non-sealed interface Stream extends Playback {
        /** The media type of the bytes, {@code video/mp2t}. */
        String contentType();

        /**
         * Joins the channel's shared session, waits for its first bytes, runs {@code beforeFirstBytes} (where the
         * caller commits its response), then copies to {@code out} until the upstream ends or the client leaves.
         * Leaves the session in every case. Blocks the calling thread for the whole stream; {@code out} is
         * flushed after each chunk and not closed.
         *
         * <p>Before {@code beforeFirstBytes} runs, refusals and failures are thrown: {@link
         * io.tvarr.domain.UnavailableException} when a connection limit or an open circuit breaker refuses the
         * upstream, {@link io.tvarr.domain.UpstreamException} when it fails or ends before sending anything. After
         * it, an upstream failure only ends the copy, since the response has started.
         *
         * @throws IOException when writing to {@code out} fails: the client left
         */
        void transferTo(OutputStream out, Runnable beforeFirstBytes) throws IOException;
    }

    /**
     * tvarr serves a file (a movie, an episode) request by request, so that the player can seek: its byte range goes
     * to the upstream and the upstream's partial answer comes back. Holds nothing until {@link #open} is called.
     */
    non-sealed interface File extends Playback {
        /** The media type of the file, from its container: {@code video/mp4}, {@code video/x-matroska}. */
        String contentType();

        /**
         * Asks the upstream for the file or the part {@code request} names; the caller closes the answer, which
         * releases what it holds.
         *
         * @throws io.tvarr.domain.UnavailableException when a connection limit refuses it
         * @throws io.tvarr.domain.UpstreamException when the upstream fails or answers an error
         */
        RelayedFile open(FileRequest request);
    }
}
