package io.tvarr.relay.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.FFmpegInstallation;
import io.tvarr.domain.relay.MediaInfo;
import io.tvarr.domain.relay.TranscodeProcess;
import io.tvarr.domain.relay.port.out.FFmpeg;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * FFmpeg and ffprobe run as processes with argument lists (never a shell). The binaries come from
 * {@code relay.ffmpeg_path} when set (a directory holding both, or the ffmpeg binary with ffprobe beside it), else
 * from {@code PATH}, else from bytedeco's FFmpeg jars when the build included them (the {@code embedded-ffmpeg}
 * Maven profile), which carry both executables and their libraries. What the installation can do is asked once
 * and remembered. Thread-safe.
 */
public final class ProcessFFmpeg implements FFmpeg {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private final @Nullable Path configured;
    private final ObjectMapper json = new ObjectMapper();
    private volatile @Nullable FFmpegInstallation installation;

    /** @param configured {@code relay.ffmpeg_path}, or null to search {@code PATH} */
    public ProcessFFmpeg(@Nullable Path configured) {
        this.configured = configured;
    }

    @Override
    public FFmpegInstallation installation() {
        FFmpegInstallation known = installation;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (installation == null) {
                installation = discover();
            }
            return installation;
        }
    }

    private FFmpegInstallation discover() {
        Path ffmpeg;
        Path ffprobe;
        String origin;
        if (configured != null) {
            Path dir = Files.isDirectory(configured)
                    ? configured
                    : configured.toAbsolutePath().getParent();
            ffmpeg = Files.isDirectory(configured) ? configured.resolve("ffmpeg") : configured;
            ffprobe = dir.resolve("ffprobe");
            origin = "relay.ffmpeg_path";
        } else {
            ffmpeg = onPath("ffmpeg");
            ffprobe = onPath("ffprobe");
            origin = "PATH";
            if (ffmpeg == null || ffprobe == null) {
                ffmpeg = embedded("org.bytedeco.ffmpeg.ffmpeg");
                ffprobe = embedded("org.bytedeco.ffmpeg.ffprobe");
                origin = "embedded (bytedeco)";
            }
        }
        if (ffmpeg == null || !Files.isExecutable(ffmpeg) || ffprobe == null || !Files.isExecutable(ffprobe)) {
            throw new UnavailableException(
                    "FFmpeg: no ffmpeg and ffprobe found "
                            + (configured == null ? "on PATH" : "at " + configured)
                            + "; install FFmpeg (apt-get install ffmpeg) or set relay.ffmpeg_path",
                    0);
        }
        String version = run(List.of(ffmpeg.toString(), "-hide_banner", "-version"))
                .lines()
                .findFirst()
                .orElse("unknown");
        EncoderList encoders = EncoderList.parse(run(List.of(ffmpeg.toString(), "-hide_banner", "-encoders")));
        List<String> hwaccels = run(List.of(ffmpeg.toString(), "-hide_banner", "-hwaccels"))
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.endsWith(":"))
                .toList();
        return new FFmpegInstallation(ffmpeg, ffprobe, origin, version, encoders.all(), encoders.video(), hwaccels);
    }

    /**
     * Extracts an executable shipped in bytedeco's FFmpeg jars with javacpp's {@code Loader.load}, which also
     * unpacks the libraries it links to. Looked up reflectively: the jars are an optional part of the build.
     */
    private static @Nullable Path embedded(String className) {
        try {
            Class<?> loader = Class.forName("org.bytedeco.javacpp.Loader");
            Class<?> program = Class.forName(className);
            Object path = loader.getMethod("load", Class.class).invoke(null, program);
            return path == null ? null : Path.of(path.toString());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public TranscodeProcess start(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(installation().ffmpeg().toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new FFmpegProcess(process);
        } catch (IOException e) {
            throw new UnavailableException("FFmpeg: cannot start " + command.get(0) + " (" + e.getMessage() + ")", 0);
        }
    }

    @Override
    public MediaInfo probe(String url, Map<String, String> headers, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(
                installation().ffprobe().toString(),
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_streams",
                "-show_format",
                // two seconds tell the codecs; the default five delay every smart stream's start by as much
                "-analyzeduration",
                "2000000",
                "-rw_timeout",
                Long.toString(timeout.toMillis() * 1000)));
        command.addAll(InputHeaders.arguments(headers));
        command.add(url);
        String output = run(command, timeout);
        try {
            JsonNode root = json.readTree(output);
            String video = null;
            String audio = null;
            int width = 0;
            int height = 0;
            for (JsonNode stream : root.path("streams")) {
                String type = stream.path("codec_type").asText();
                if (type.equals("video") && video == null) {
                    video = stream.path("codec_name").asText(null);
                    width = stream.path("width").asInt();
                    height = stream.path("height").asInt();
                } else if (type.equals("audio") && audio == null) {
                    audio = stream.path("codec_name").asText(null);
                }
            }
            long bitrate = root.path("format").path("bit_rate").asLong(0);
            return new MediaInfo(video, audio, width, height, bitrate);
        } catch (IOException e) {
            // ffprobe's answer names the input URL, and the parser may quote it
            throw new UpstreamException(
                    "ffprobe: unreadable answer for the stream (" + Redaction.redactUrl(String.valueOf(e.getMessage()))
                            + ")",
                    e);
        }
    }

    private static String run(List<String> command) {
        return run(command, QUERY_TIMEOUT);
    }

    /**
     * Runs a command and gives its standard output; a failure names the tool, the exit code and the last line it
     * wrote to standard error (ffprobe's "Server returned 404 Not Found"), with credentials in URLs masked.
     */
    private static String run(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UnavailableException(command.get(0) + ": cannot be started (" + e.getMessage() + ")", 0);
        }
        String tool = String.valueOf(Path.of(command.get(0)).getFileName());
        try (InputStream out = process.getInputStream();
                InputStream err = process.getErrorStream()) {
            byte[][] result = new byte[2][];
            Thread collector = collect(out, result, 0);
            Thread errors = collect(err, result, 1);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new UpstreamException(tool + ": no answer within " + timeout.toSeconds() + " s");
            }
            collector.join(timeout.toMillis());
            errors.join(timeout.toMillis());
            if (process.exitValue() != 0) {
                String last = lastLine(result[1]);
                throw new UpstreamException(tool + " failed with exit code " + process.exitValue()
                        + (last.isEmpty() ? "" : ": " + Redaction.redactUrl(last)));
            }
            return result[0] == null ? "" : new String(result[0], StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UpstreamException(command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UpstreamException(command.get(0) + ": interrupted", e);
        }
    }

    /** Reads a process's stream to its end on a daemon thread, so neither pipe fills up and blocks the process. */
    private static Thread collect(InputStream in, byte[][] result, int slot) {
        Thread thread = new Thread(() -> {
            try {
                result[slot] = in.readAllBytes();
            } catch (IOException e) {
                result[slot] = new byte[0]; // the process was killed: what it wrote so far is lost, the caller reports
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String lastLine(byte @Nullable [] bytes) {
        if (bytes == null) {
            return "";
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        return last.length() > 300 ? last.substring(0, 300) : last;
    }
}
