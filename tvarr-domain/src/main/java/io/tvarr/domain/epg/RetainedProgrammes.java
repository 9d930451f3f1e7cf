package io.tvarr.domain.epg;

import java.time.Instant;

/**
 * Passes on the programmes a retention window keeps and counts the rest; channels always pass. Used by one
 * ingesting thread at a time.
 */
public final class RetainedProgrammes implements EpgSink {
    private final EpgSink sink;
    // the window's ends, computed once: a guide has a million programmes and the ends never move
    private final Instant from;
    private final Instant to;
    private long outside;

    /** @param now the instant the window is measured from, fixed for the whole ingestion */
    public RetainedProgrammes(EpgSink sink, RetentionWindow window, Instant now) {
        this.sink = sink;
        this.from = window.from(now);
        this.to = window.to(now);
    }

    @Override
    public void channel(EpgChannel channel) {
        sink.channel(channel);
    }

    @Override
    public void programme(EpgProgramme programme) {
        if (programme.stop().isAfter(from) && programme.start().isBefore(to)) {
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
