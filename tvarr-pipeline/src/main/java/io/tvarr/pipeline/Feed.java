package io.tvarr.pipeline;

import java.util.function.Consumer;

/**
 * Records pushed one by one to a sink, on the calling thread, until there are no more: a proxy's channels
 * ({@link ChannelFeed}), one guide part's programmes ({@link ProgrammeFeed}) or that part's rendered XMLTV
 * ({@link GuidePart}). {@link ReadAhead} runs feeds on threads of their own.
 *
 * @param <T> what is fed
 */
@FunctionalInterface
interface Feed<T> {
    /** Pushes every record to {@code sink}, returning when done; the sink's failures propagate unchanged. */
    void feed(Consumer<T> sink);
}
