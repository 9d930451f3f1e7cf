package io.tvarr.relay.session;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.TranscodeProcess;
import io.tvarr.domain.relay.port.out.FFmpeg;
import io.tvarr.domain.relay.port.out.HardwareAccelerationDetector;
import io.tvarr.relay.ffmpeg.CodecProbe;
import io.tvarr.relay.ffmpeg.RelayArguments;
import io.tvarr.relay.hls.HlsStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs FFmpeg with the plan's profile and hands out its MPEG-TS output. Closing the stream destroys the
 * process; FFmpeg ending with an error becomes an upstream failure carrying its last error lines, with the
 * credentials in the URLs they name masked.
 */
final class FFmpegUpstream implements UpstreamOpener {
    private final FFmpeg ffmpeg;
    private final HardwareAccelerationDetector hardware;
    private final @Nullable CodecProbe probe;

    /** Fetches HLS playlists with a plan's headers. */
    interface PlaylistReader {
        String playlist(URI url, java.util.Map<String, String> headers) throws InterruptedException;
    }

    private final PlaylistReader hls;

    FFmpegUpstream(
            FFmpeg ffmpeg, HardwareAccelerationDetector hardware, @Nullable CodecProbe probe, PlaylistReader hls) {
        this.hls = hls;
        this.ffmpeg = ffmpeg;
        this.hardware = hardware;
        this.probe = probe;
    }

    @Override
    public InputStream open(StreamPlan plan) throws InterruptedException {
        RelayProfile profile = plan.profile();
        if (profile == null) {
            throw new IllegalArgumentException("FFmpeg upstream without a profile");
        }
        plan = variantOf(plan, profile);
        MediaInfo probed = profile.smart() && probe != null ? probe.probe(plan) : null;
        TranscodeProcess process = ffmpeg.start(RelayArguments.build(plan, profile, family(profile), probed));
        return new ProcessOutput(process);
    }

    /**
     * For an HLS master playlist, FFmpeg is given the variant the profile asks for (the best not taller than its
     * height limit) instead of reading whichever variant comes first.
     */
    private StreamPlan variantOf(StreamPlan plan, RelayProfile profile) throws InterruptedException {
        URI url = URI.create(plan.upstreamUrl());
        if (url.getPath() == null
                || !url.getPath().toLowerCase(java.util.Locale.ROOT).endsWith(".m3u8")) {
            return plan;
        }
        String playlist = hls.playlist(url, plan.headers());
        URI media = HlsStream.mediaPlaylist(url, playlist, profile.maxHeight());
        return media.equals(url) ? plan : plan.withUpstreamUrl(media.toString());
    }

    private HardwareAcceleration family(RelayProfile profile) {
        HardwareAcceleration wanted = profile.hardwareAcceleration();
        if (wanted == HardwareAcceleration.NONE) {
            return HardwareAcceleration.NONE;
        }
        Set<HardwareAcceleration> available = hardware.available();
        if (wanted == HardwareAcceleration.AUTO) {
            return available.stream().findFirst().orElse(HardwareAcceleration.NONE);
        }
        if (!available.contains(wanted)) {
            throw new UnavailableException(
                    "relay profile '" + profile.name() + "' asks for "
                            + wanted.name().toLowerCase(java.util.Locale.ROOT) + ", which this machine does not offer "
                            + "(verified: " + available + ")",
                    0);
        }
        return wanted;
    }

    /** FFmpeg's stdout; the end of it is checked against FFmpeg's exit status. */
    private static final class ProcessOutput extends InputStream {
        private final TranscodeProcess process;
        private final InputStream out;

        ProcessOutput(TranscodeProcess process) {
            this.process = process;
            this.out = process.output();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = out.read(buffer, offset, length);
            if (n < 0) {
                failIfFfmpegFailed();
            }
            return n;
        }

        private void failIfFfmpegFailed() {
            try {
                for (int i = 0; i < 20 && process.isAlive(); i++) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!process.recentErrors().isEmpty()) {
                // FFmpeg names its input in errors; the lines are masked already, this keeps it so if that changes
                throw new UpstreamException(
                        "ffmpeg: " + Redaction.redactUrl(String.join(" | ", process.recentErrors())));
            }
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
