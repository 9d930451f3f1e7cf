package io.tvarr.app;

import io.tvarr.domain.TvarrException;
import io.tvarr.domain.relay.FFmpegInstallation;
import io.tvarr.relay.ffmpeg.ProcessFFmpeg;
import io.tvarr.relay.ffmpeg.SystemHardwareDetector;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tvarr doctor}: what this machine offers the relay (FFmpeg binary, version, encoders, hardware). */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Report the FFmpeg tvarr would use and the hardware encoders that work here.")
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    TvarrCommand.ConfigOptions options = new TvarrCommand.ConfigOptions();

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @Override
    public Integer call() {
        TvarrConfig config = options.load();
        PrintWriter out = spec == null
                ? new PrintWriter(System.out, true)
                : spec.commandLine().getOut();
        ProcessFFmpeg ffmpeg = new ProcessFFmpeg(config.ffmpegPath());
        FFmpegInstallation installation;
        try {
            installation = ffmpeg.installation();
        } catch (TvarrException e) {
            out.println("ffmpeg:   not usable: " + e.getMessage());
            out.flush();
            return 2;
        }
        out.println("ffmpeg:   " + installation.ffmpeg() + " (from " + installation.origin() + ")");
        out.println("ffprobe:  " + installation.ffprobe());
        out.println("version:  " + installation.version());
        out.println("encoders: " + installation.encoders().size() + " (H.264/HEVC/AV1: " + installation.videoEncoders()
                + ")");
        out.println("hwaccels: " + (installation.hwaccels().isEmpty() ? "none" : installation.hwaccels()));
        var verified = new SystemHardwareDetector(ffmpeg).available();
        out.println("hardware encoders verified by a test encode: "
                + (verified.isEmpty() ? "none (software encoding only)" : verified));
        out.flush();
        return 0;
    }
}
