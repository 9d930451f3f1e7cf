package io.tvarr.relay.ffmpeg;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.relay.TranscodeProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ffmpeg. Its stderr is drained on a thread of its own (an undrained pipe would block FFmpeg) and the
 * last lines kept for error reports, with credentials masked: FFmpeg names the input URL in its errors. Closing destroys the process and any children, politely first.
 */
final class FFmpegProcess implements TranscodeProcess {
    private static final Logger log = LoggerFactory.getLogger(FFmpegProcess.class);
    private static final int KEPT_LINES = 20;

    private final Process process;
    private final Deque<String> errors = new ArrayDeque<>();
    private final Thread drain;

    FFmpegProcess(Process process) {
        this.process = process;
        this.drain = new Thread(this::drain, "tvarr-ffmpeg-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    private void drain() {
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String raw;
            while ((raw = err.readLine()) != null) {
                String line = Redaction.redactUrl(raw);
                synchronized (errors) {
                    if (errors.size() == KEPT_LINES) {
                        errors.removeFirst();
                    }
                    errors.addLast(line);
                }
                log.debug("ffmpeg pid={} {}", process.pid(), line);
            }
        } catch (IOException e) {
            // the process is gone; its last lines are kept
        }
    }

    @Override
    public InputStream output() {
        return process.getInputStream();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Once the process has ended, waits briefly for its last lines, which are the ones that say why. */
    @Override
    public List<String> recentErrors() {
        if (!process.isAlive()) {
            try {
                drain.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        // an interrupted caller must still see the process die, so the flag waits until the end
        boolean interrupted = Thread.interrupted();
        try {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            // a relay's FFmpeg blocked on a full pipe ignores SIGTERM; nothing is lost by not waiting long
            if (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            process.destroyForcibly();
        } finally {
            try {
                process.getInputStream().close();
            } catch (IOException e) {
                // already gone with the process
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
