package io.tvarr.domain.epg.port.out;

import io.tvarr.domain.Page;
import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSourceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Stores guide channels and programmes per guide source. Implementations are thread-safe. */
public interface EpgRepository {

    /**
     * Replaces the whole guide of a source atomically: the writer streams channels and programmes into
     * the sink (written in batches); if it throws, the stored guide is unchanged and the exception
     * propagates. The write transaction is open while the writer runs, so it should only replay what was read
     * before (the ingestion's spool), never download.
     *
     * @return the number of programmes stored
     */
    long replaceAllForSource(EpgSourceId source, Consumer<EpgSink> writer);

    void forEachChannelBySource(EpgSourceId source, Consumer<EpgChannel> consumer);

    /** Programmes of a source ordered by channel then start, overlapping [from, to). Streams with a fetch size. */
    default void forEachProgrammeBySource(
            EpgSourceId source, Instant from, Instant to, Consumer<EpgProgramme> consumer) {
        forEachProgrammeBySource(source, from, to, channel -> true, consumer);
    }

    /**
     * The same, for the channels the predicate accepts only; the others are skipped before their rows are decoded,
     * which matters when a proxy uses a few channels of a big guide.
     */
    default void forEachProgrammeBySource(
            EpgSourceId source, Instant from, Instant to, Predicate<String> channels, Consumer<EpgProgramme> consumer) {
        forEachProgrammeBySource(source, from, to, ChannelIdRange.ALL, channels, consumer);
    }

    /**
     * The same, for the channels of one id range only: a big guide is read in parts on parallel connections, each
     * part still ordered by channel then start.
     */
    void forEachProgrammeBySource(
            EpgSourceId source,
            Instant from,
            Instant to,
            ChannelIdRange range,
            Predicate<String> channels,
            Consumer<EpgProgramme> consumer);

    /** Programmes of one guide channel overlapping [from, to), ordered by start; all sources when null. */
    List<EpgProgramme> findProgrammes(
            @Nullable EpgSourceId source, String channelId, Instant from, Instant to, int page, int size);

    /** Guide channels, optionally of one source, paged and ordered by source then id. */
    Page<EpgChannel> findChannels(@Nullable EpgSourceId source, int page, int size);

    /** The programme on air at {@code at} for every channel of the given sources (all when empty). */
    void forEachOnAir(Collection<EpgSourceId> sources, Instant at, Consumer<EpgProgramme> consumer);

    long countProgrammes(EpgSourceId source);

    /** Deletes programmes that ended before {@code cutoff}; returns how many. */
    long deleteEndedBefore(Instant cutoff);
}
