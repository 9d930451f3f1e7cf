package io.tvarr.domain;

import java.nio.file.Path;
import java.util.List;

/** FFmpeg arguments that make real MPEG-TS (test pattern video, sine audio) for relay and player tests. */
public final class SampleMedia {
    private SampleMedia() {}

    /** Arguments after the {@code ffmpeg} binary: {@code seconds} of MPEG-2 video and MP2 audio into {@code out}. */
    public static List<String> mpegTsArguments(Path out, int seconds) {
        return List.of(
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-t",
                Integer.toString(seconds),
                "-c:v",
                "mpeg2video",
                "-b:v",
                "800k",
                "-c:a",
                "mp2",
                "-f",
                "mpegts",
                "-y",
                out.toString());
    }

    /** Arguments after the {@code ffmpeg} binary: {@code seconds} of H.264 video and AAC audio into {@code out}. */
    public static List<String> h264AacTsArguments(Path out, int seconds) {
        return List.of(
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-t",
                Integer.toString(seconds),
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-f",
                "mpegts",
                "-y",
                out.toString());
    }

    /**
     * Arguments after the {@code ffmpeg} binary: {@code seconds} of H.264 video (a keyframe a second) and AAC audio
     * into {@code out} as MPEG-TS, its elementary streams from PID {@code startPid} on (so two samples can be told
     * apart in one stream).
     */
    public static List<String> h264AacTsArguments(Path out, int seconds, int startPid) {
        return List.of(
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-t",
                Integer.toString(seconds),
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "25",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-mpegts_start_pid",
                Integer.toString(startPid),
                "-f",
                "mpegts",
                "-y",
                out.toString());
    }
}
