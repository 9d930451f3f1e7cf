package io.tvarr.domain.relay;

import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The codecs a kind of player takes as they are (ffprobe's names), so a smart relay profile copies those and
 * encodes the rest.
 *
 * @param video video codecs copied
 * @param audio audio codecs copied; a stream without audio needs none
 */
public record PlayableCodecs(Set<String> video, Set<String> audio) {
    /** What playlist players (VLC, Kodi, TiviMate, browsers through hls.js) play. */
    public static final PlayableCodecs PLAYERS =
            new PlayableCodecs(Set.of("h264", "hevc"), Set.of("aac", "ac3", "mp2", "mp3"));

    /**
     * What HDHomeRun clients take from a tuner without transcoding it themselves: Plex Live TV asks for H.264 with
     * AAC in MPEG-TS, and Jellyfin and Emby play that everywhere too.
     */
    public static final PlayableCodecs TUNER = new PlayableCodecs(Set.of("h264"), Set.of("aac"));

    public PlayableCodecs {
        video = Set.copyOf(video);
        audio = Set.copyOf(audio);
    }

    /** A stable text naming the sets, {@code h264/aac}, for keys. */
    public String key() {
        return String.join(",", new TreeSet<>(video)) + "/" + String.join(",", new TreeSet<>(audio));
    }

    public boolean takesVideo(@Nullable String codec) {
        return codec != null && video.contains(codec);
    }

    public boolean takesAudio(@Nullable String codec) {
        return codec == null || audio.contains(codec);
    }

    /** Whether a stream with these codecs plays as it is: it has video and every part is taken. */
    public boolean takes(@Nullable String videoCodec, @Nullable String audioCodec) {
        return takesVideo(videoCodec) && takesAudio(audioCodec);
    }
}
