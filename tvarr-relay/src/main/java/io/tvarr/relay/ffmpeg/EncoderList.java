package io.tvarr.relay.ffmpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoders {@code ffmpeg -encoders} lists, and among them those of the video codecs a relay profile can ask for.
 * Each is classed by its type column and the codec FFmpeg names for it, never by its name: {@code wmav1} is audio.
 *
 * @param all every encoder's name
 * @param video the H.264, HEVC and AV1 video encoders
 */
record EncoderList(List<String> all, List<String> video) {
    private static final Pattern LINE = Pattern.compile("^\\s([VAS])[F.][S.][X.][B.][D.]\\s+(\\S+)(.*)$");
    private static final Pattern CODEC = Pattern.compile("\\(codec (\\S+)\\)\\s*$");
    private static final Set<String> PROFILE_CODECS = Set.of("h264", "hevc", "av1");

    EncoderList {
        all = List.copyOf(all);
        video = List.copyOf(video);
    }

    /** Reads {@code ffmpeg -hide_banner -encoders}; the legend above the list is skipped. */
    static EncoderList parse(String output) {
        List<String> all = new ArrayList<>();
        List<String> video = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.find() || m.group(2).equals("=")) {
                continue;
            }
            String name = m.group(2);
            // an encoder without a "(codec …)" note encodes the codec of its own name
            Matcher codecNote = CODEC.matcher(m.group(3));
            String codec = codecNote.find() ? codecNote.group(1) : name;
            all.add(name);
            if (m.group(1).equals("V") && PROFILE_CODECS.contains(codec)) {
                video.add(name);
            }
        }
        return new EncoderList(all, video);
    }
}
