package io.tvarr.relay.ffmpeg;

import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.TranscodeProcess;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.relay.port.out.FFmpeg;
import io.tvarr.domain.relay.port.out.HardwareAccelerationDetector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers a hardware encoder family only when all three hold: FFmpeg lists its encoder, the device node exists
 * ({@code /dev/dri/renderD*} for VAAPI and QSV, {@code /dev/nvidia0} for NVENC), and a one-second test encode
 * succeeds. Detected once and remembered.
 */
public final class SystemHardwareDetector implements HardwareAccelerationDetector {
    private static final Logger log = LoggerFactory.getLogger(SystemHardwareDetector.class);

    private final FFmpeg ffmpeg;
    private final Path devices;
    private volatile @Nullable Set<HardwareAcceleration> available;

    public SystemHardwareDetector(FFmpeg ffmpeg) {
        this(ffmpeg, Path.of("/dev"));
    }

    SystemHardwareDetector(FFmpeg ffmpeg, Path devices) {
        this.ffmpeg = ffmpeg;
        this.devices = devices;
    }

    @Override
    public Set<HardwareAcceleration> available() {
        Set<HardwareAcceleration> known = available;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (available == null) {
                available = detect();
            }
            return available;
        }
    }

    private Set<HardwareAcceleration> detect() {
        Set<HardwareAcceleration> found = EnumSet.noneOf(HardwareAcceleration.class);
        List<String> encoders = ffmpeg.installation().encoders();
        for (HardwareAcceleration family :
                List.of(HardwareAcceleration.VAAPI, HardwareAcceleration.QSV, HardwareAcceleration.NVENC)) {
            String encoder = RelayArguments.encoder(VideoCodec.H264, family);
            if (encoders.contains(encoder) && devicePresent(family) && testEncode(family, encoder)) {
                found.add(family);
            }
        }
        log.info("hardware acceleration detected available={}", found);
        return Set.copyOf(found);
    }

    boolean devicePresent(HardwareAcceleration family) {
        if (family == HardwareAcceleration.NVENC) {
            return Files.exists(devices.resolve("nvidia0"));
        }
        Path dri = devices.resolve("dri");
        if (!Files.isDirectory(dri)) {
            return false;
        }
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(dri, "renderD*")) {
            return nodes.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private boolean testEncode(HardwareAcceleration family, String encoder) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error"));
        if (family == HardwareAcceleration.VAAPI) {
            args.addAll(List.of("-vaapi_device", "/dev/dri/renderD128"));
        }
        args.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "1"));
        if (family == HardwareAcceleration.VAAPI) {
            args.addAll(List.of("-vf", "format=nv12,hwupload"));
        }
        args.addAll(List.of("-c:v", encoder, "-f", "null", "-"));
        try (TranscodeProcess process = ffmpeg.start(args);
                InputStream out = process.output()) {
            out.readAllBytes();
            for (int i = 0; i < 100 && process.isAlive(); i++) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            boolean ok = !process.isAlive() && process.recentErrors().isEmpty();
            if (!ok) {
                log.info(
                        "hardware encoder refused family={} encoder={} errors={}",
                        family,
                        encoder,
                        process.recentErrors());
            }
            return ok;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
