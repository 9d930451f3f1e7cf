package io.tvarr.relay.hls;

import io.lindstrom.m3u8.model.MasterPlaylist;
import io.lindstrom.m3u8.model.MediaPlaylist;
import io.lindstrom.m3u8.model.MediaSegment;
import io.lindstrom.m3u8.model.Variant;
import io.lindstrom.m3u8.parser.MasterPlaylistParser;
import io.lindstrom.m3u8.parser.MediaPlaylistParser;
import io.lindstrom.m3u8.parser.ParsingMode;
import io.lindstrom.m3u8.parser.PlaylistParserException;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HLS upstream read as one continuous MPEG-TS stream, without FFmpeg: picks a variant from a master
 * playlist (the best, or the best not taller than a limit), then fetches segments in order, refreshing a live
 * playlist about every half target duration. A segment that fails (404…) is skipped and logged; several failing
 * in a row end the stream. Discontinuities pass through (TS players resynchronise on them). Encrypted and fMP4
 * segments are refused with the reason, since they cannot become plain TS without FFmpeg.
 */
public final class HlsStream extends InputStream {
    private static final Logger log = LoggerFactory.getLogger(HlsStream.class);
    /** Where a live stream starts: this many segments from the live edge. */
    private static final int LIVE_START_SEGMENTS = 3;

    private static final int MAX_FAILED_SEGMENTS_IN_A_ROW = 5;
    private static final int MAX_IDLE_REFRESHES = 10;

    private final HlsFetcher fetcher;
    private final URI playlistUrl;
    private final MediaPlaylistParser mediaParser = new MediaPlaylistParser(ParsingMode.LENIENT);
    private final Deque<Segment> pending = new ArrayDeque<>();
    private @Nullable InputStream segment;
    private long nextSequence = -1;
    private boolean ended;
    private long refreshMillis = 1000;
    private int failedInARow;
    private long skipped;
    private volatile boolean closed;

    private record Segment(long sequence, URI url, boolean discontinuity) {}

    private HlsStream(HlsFetcher fetcher, URI playlistUrl) {
        this.fetcher = fetcher;
        this.playlistUrl = playlistUrl;
    }

    /**
     * Opens an HLS upstream whose playlist text was already fetched from {@code url}.
     *
     * @param maxHeight pick the best variant not taller than this; 0 for the best overall
     */
    public static HlsStream open(HlsFetcher fetcher, URI url, String playlist, int maxHeight)
            throws InterruptedException {
        URI media = url;
        String text = playlist;
        if (playlist.contains("#EXT-X-STREAM-INF")) {
            media = resolve(url, variant(url, playlist, maxHeight).uri());
            text = fetcher.playlist(media);
        }
        HlsStream stream = new HlsStream(fetcher, media);
        stream.load(text);
        return stream;
    }

    /**
     * The media playlist to read: the URL itself for a media playlist, else the chosen variant of a master
     * playlist (the best not taller than {@code maxHeight}, or the best when 0).
     */
    public static URI mediaPlaylist(URI url, String playlist, int maxHeight) {
        return playlist.contains("#EXT-X-STREAM-INF")
                ? resolve(url, variant(url, playlist, maxHeight).uri())
                : url;
    }

    /**
     * A playlist's reference resolved against the playlist's URL. An unusable one is refused naming the problem but
     * not the reference, which may carry the account's credentials.
     */
    private static URI resolve(URI playlist, String reference) {
        try {
            return playlist.resolve(new URI(reference.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            String reason = e instanceof URISyntaxException syntax
                    ? syntax.getReason() + " at index " + syntax.getIndex()
                    : "cannot be resolved";
            throw new RefusedUpstreamException(
                    HlsFetcher.where(playlist) + ": the playlist names a URI that is not valid (" + reason + ")");
        }
    }

    private static Variant variant(URI url, String playlist, int maxHeight) {
        MasterPlaylist master;
        try {
            master = new MasterPlaylistParser(ParsingMode.LENIENT).readPlaylist(playlist);
        } catch (PlaylistParserException | RuntimeException e) {
            throw new RefusedUpstreamException(HlsFetcher.where(url) + ": unreadable master playlist ("
                    + Redaction.redactUrl(String.valueOf(e.getMessage())) + ")");
        }
        List<Variant> variants = master.variants();
        if (variants.isEmpty()) {
            throw new RefusedUpstreamException(HlsFetcher.where(url) + ": master playlist without variants");
        }
        Comparator<Variant> byBandwidth = Comparator.comparingLong(Variant::bandwidth);
        return variants.stream()
                .filter(v -> maxHeight <= 0
                        || v.resolution().map(r -> r.height() <= maxHeight).orElse(true))
                .max(byBandwidth)
                .orElseGet(() -> variants.stream().min(byBandwidth).orElseThrow());
    }

    /** Reads a media playlist and queues the segments not seen yet. Returns how many were new. */
    private int load(String text) {
        MediaPlaylist playlist;
        try {
            playlist = mediaParser.readPlaylist(text);
        } catch (PlaylistParserException | RuntimeException e) {
            throw new UpstreamException(HlsFetcher.where(playlistUrl) + ": unreadable media playlist ("
                    + Redaction.redactUrl(String.valueOf(e.getMessage())) + ")");
        }
        List<MediaSegment> segments = playlist.mediaSegments();
        for (MediaSegment s : segments) {
            if (s.segmentKey()
                    .map(k -> !k.method().toString().equalsIgnoreCase("NONE"))
                    .orElse(false)) {
                throw new RefusedUpstreamException(HlsFetcher.where(playlistUrl)
                        + ": encrypted HLS segments cannot be collapsed; use transcode delivery (FFmpeg)");
            }
            if (s.segmentMap().isPresent()) {
                throw new RefusedUpstreamException(HlsFetcher.where(playlistUrl)
                        + ": fMP4 HLS segments cannot be collapsed to TS; use transcode delivery (FFmpeg)");
            }
        }
        refreshMillis = Math.max(500, playlist.targetDuration() * 500L);
        long first = playlist.mediaSequence();
        if (nextSequence < 0) {
            boolean live = !text.contains("#EXT-X-ENDLIST");
            nextSequence = live ? first + Math.max(0, segments.size() - LIVE_START_SEGMENTS) : first;
        }
        int added = 0;
        for (int i = 0; i < segments.size(); i++) {
            long sequence = first + i;
            if (sequence >= nextSequence) {
                MediaSegment s = segments.get(i);
                pending.addLast(new Segment(sequence, resolve(playlistUrl, s.uri()), s.discontinuity()));
                nextSequence = sequence + 1;
                added++;
            }
        }
        if (first > nextSequence) {
            log.info(
                    "hls segments missed playlist={} from={} to={}",
                    HlsFetcher.where(playlistUrl),
                    nextSequence,
                    first - 1);
            nextSequence = first;
        }
        ended = text.contains("#EXT-X-ENDLIST");
        return added;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (!closed) {
            if (segment != null) {
                int n = segment.read(buffer, offset, length);
                if (n >= 0) {
                    return n;
                }
                segment.close();
                segment = null;
            }
            if (!nextSegment()) {
                return -1;
            }
        }
        return -1;
    }

    /** Opens the next segment, refreshing the playlist as needed; false at the end of a finished stream. */
    private boolean nextSegment() throws IOException {
        int idleRefreshes = 0;
        while (!closed) {
            Segment next = pending.pollFirst();
            if (next == null) {
                if (ended) {
                    return false;
                }
                if (idleRefreshes > 0) {
                    pause(refreshMillis);
                }
                if (load(playlist()) == 0 && ++idleRefreshes > MAX_IDLE_REFRESHES) {
                    throw new UpstreamException(HlsFetcher.where(playlistUrl) + ": the live playlist stopped growing");
                }
                continue;
            }
            if (next.discontinuity()) {
                log.debug("hls discontinuity sequence={}", next.sequence());
            }
            try {
                segment = fetcher.open(next.url());
                failedInARow = 0;
                return true;
            } catch (UpstreamException e) {
                skipped++;
                log.info("hls segment skipped sequence={} reason={}", next.sequence(), e.getMessage());
                if (++failedInARow >= MAX_FAILED_SEGMENTS_IN_A_ROW) {
                    throw new UpstreamException(HlsFetcher.where(playlistUrl) + ": " + failedInARow
                            + " segments in a row failed; last: " + e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }
        return false;
    }

    private String playlist() throws IOException {
        try {
            return fetcher.playlist(playlistUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** Segments skipped because they could not be fetched. */
    public long skippedSegments() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        InputStream current = segment;
        if (current != null) {
            current.close();
        }
    }
}
