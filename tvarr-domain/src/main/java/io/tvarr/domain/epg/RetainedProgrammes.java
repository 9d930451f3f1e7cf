package io.tvarr.domain.epg;

import java.time.Instant;

/**
 * Passes on the programmes a retention window keeps and counts the rest; channels always pass. Used by one
 * ingesting thread at a time.
 */
public final class RetainedProgrammes implements EpgSink {
    private final EpgSink sink;
    private final RetentionWindow window;
    private final Instant now;
    private long outside;

    /** @param now the instant the window is measured from, fixed for the whole ingestion */
    public RetainedProgrammes(EpgSink sink, RetentionWindow window, Instant now) {
        this.sink = sink;
        this.window = window;
        this.now = now;
    }

    @Override
    public void channel(EpgChannel channel) {
        sink.channel(channel);
    }

    @Override
    public void programme(EpgProgramme programme) {
        if (window.keeps(now, programme.start(), programme.stop())) {
            sink.programme(programme);
        } else {
            outside++;
        }
    }

    /** How many programmes fell outside the window so far. */
    public long outside() {
        return outside;
    }
}
