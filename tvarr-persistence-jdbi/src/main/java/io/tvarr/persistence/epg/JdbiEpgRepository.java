package io.tvarr.persistence.epg;

import io.tvarr.domain.Page;
import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.JsonColumns;
import io.tvarr.persistence.sql.OnlySourceTable;
import io.tvarr.persistence.sql.TextColumns;
import io.tvarr.persistence.sql.Upserts;
import io.tvarr.persistence.sql.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/** Guide channels ({@code epg_channel}) and programmes ({@code epg_programme}) per guide source. */
public final class JdbiEpgRepository implements EpgRepository {
    private static final List<String> CHANNEL_COLUMNS = List.of("source_id", "id", "display_names", "icon_url", "url");
    private static final String BLOCKS = " FROM " + ProgrammeBlockWriter.TABLE;
    /** Programmes stored in one replace from which PostgreSQL's statistics are refreshed at once. */
    private static final long ANALYZED_FROM = 1000;

    private static final String SELECT_CHANNEL = "SELECT " + String.join(", ", CHANNEL_COLUMNS) + " FROM epg_channel";

    private final Database db;
    private final JsonColumns json;
    private final TextColumns text;
    private static final Comparator<EpgProgramme> BY_START_THEN_SOURCE = Comparator.comparing(EpgProgramme::start)
            .thenComparing(p -> p.sourceId().toString());

    private final String channelUpsert;

    public JdbiEpgRepository(Database db, JsonColumns json) {
        this.db = db;
        this.json = json;
        this.text = new TextColumns(db.vendor());
        this.channelUpsert = Upserts.upsert(db.vendor(), "epg_channel", List.of("source_id", "id"), CHANNEL_COLUMNS);
    }

    @Override
    public long replaceAllForSource(EpgSourceId source, Consumer<EpgSink> writer) {
        return db.inTransaction(h -> {
            removeBlocks(h, source.toString());
            h.createUpdate("DELETE FROM epg_channel WHERE source_id = :source")
                    .bind("source", source.toString())
                    .execute();
            GuideWriter guide = new GuideWriter(h, source);
            writer.accept(guide);
            long stored = guide.finish();
            if (db.vendor() == Vendor.POSTGRESQL && stored >= ANALYZED_FROM) {
                // a table filled in one go has no statistics until autovacuum gets to it: the planner then took
                // the stop index for now/next (a median of 36-57 ms a query at 1M programmes instead of 0.13);
                // ANALYZE samples a bounded number of rows and sees this transaction's own
                h.execute("ANALYZE " + ProgrammeBlockWriter.TABLE);
            }
            return stored;
        });
    }

    /**
     * Takes the source's blocks out at the start of its replace. On SQLite, when the table holds this source alone,
     * it is dropped and made again with its indexes before the load ({@link OnlySourceTable}): the old blocks' pages
     * are freed whole instead of deleting a row at a time through four B-trees (0.55-0.85 s of CPU at 1M programmes,
     * a tenth of the refresh, #19). The indexes are made on the empty table, so the load grows them as it always did.
     */
    private void removeBlocks(Handle h, String source) {
        OnlySourceTable.remake(h, db.vendor(), ProgrammeBlockWriter.TABLE, source)
                .ifPresentOrElse(
                        definitions -> definitions.forEach(h::execute),
                        () -> h.createUpdate("DELETE" + BLOCKS + " WHERE source_id = :source")
                                .bind("source", source)
                                .execute());
    }

    @Override
    public void forEachChannelBySource(EpgSourceId source, Consumer<EpgChannel> consumer) {
        db.stream(
                h -> h.createQuery(SELECT_CHANNEL + " WHERE source_id = :source ORDER BY id")
                        .bind("source", source.toString())
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> mapChannel(rs)),
                consumer);
    }

    @Override
    public void forEachProgrammeBySource(
            EpgSourceId source,
            Instant from,
            Instant to,
            ChannelIdRange range,
            Predicate<String> channels,
            Consumer<EpgProgramme> consumer) {
        String lower = range.from() == null ? "" : " AND channel_id >= :range_from";
        String upper = range.until() == null ? "" : " AND channel_id < :range_until";
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        ChannelProgrammes channel = new ChannelProgrammes(consumer);
        db.stream(
                h -> {
                    var q = h.createQuery("SELECT channel_id, programmes" + BLOCKS
                                    + " WHERE source_id = :source AND stop_at > :from AND start_at < :to" + lower
                                    + upper + " ORDER BY channel_id, start_at")
                            .bind("source", source.toString())
                            .bind("from", fromMillis)
                            .bind("to", toMillis)
                            .setFetchSize(db.fetchSize());
                    if (range.from() != null) {
                        q.bind("range_from", range.from());
                    }
                    if (range.until() != null) {
                        q.bind("range_until", range.until());
                    }
                    return q.map((rs, ctx) -> {
                        String id = text.text(rs, 1);
                        // a channel the predicate refuses is not decoded, nor is its block read
                        if (channels.test(id)) {
                            channel.startOrContinue(id);
                            ProgrammeCodec.decode(rs.getBytes(2), source, id, fromMillis, toMillis, channel);
                        }
                        return id;
                    });
                },
                id -> {});
        channel.end();
    }

    @Override
    public List<EpgProgramme> findProgrammes(
            @Nullable EpgSourceId source, String channelId, Instant from, Instant to, int page, int size) {
        String bySource = source == null ? "" : " AND source_id = :source";
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        List<EpgProgramme> found = new ArrayList<>();
        db.withHandle(h -> {
            var q = h.createQuery("SELECT source_id, programmes" + BLOCKS
                            + " WHERE channel_id = :channel AND stop_at > :from AND start_at < :to" + bySource)
                    .bind("channel", channelId)
                    .bind("from", fromMillis)
                    .bind("to", toMillis);
            if (source != null) {
                q.bind("source", source.toString());
            }
            return q.map((rs, ctx) -> {
                        ProgrammeCodec.decode(
                                rs.getBytes(2),
                                EpgSourceId.parse(rs.getString(1)),
                                channelId,
                                fromMillis,
                                toMillis,
                                found::add);
                        return found.size();
                    })
                    .list();
        });
        // a channel's programmes over a window are few: ordering and paging them here keeps the query on its index
        found.sort(BY_START_THEN_SOURCE);
        long offset = (long) page * size;
        if (offset >= found.size()) {
            return List.of();
        }
        return List.copyOf(found.subList((int) offset, (int) Math.min(found.size(), offset + size)));
    }

    @Override
    public Page<EpgChannel> findChannels(@Nullable EpgSourceId source, int page, int size) {
        String where = source == null ? "" : " WHERE source_id = :source";
        return db.withHandle(h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM epg_channel" + where);
            var list = h.createQuery(SELECT_CHANNEL + where + " ORDER BY source_id, id LIMIT :limit OFFSET :offset")
                    .bind("limit", size)
                    .bind("offset", (long) page * size);
            if (source != null) {
                count.bind("source", source.toString());
                list.bind("source", source.toString());
            }
            long total = count.mapTo(Long.class).one();
            return new Page<>(list.map((rs, ctx) -> mapChannel(rs)).list(), page, size, total);
        });
    }

    @Override
    public void forEachOnAir(Collection<EpgSourceId> sources, Instant at, Consumer<EpgProgramme> consumer) {
        String bySource = sources.isEmpty() ? "" : " AND source_id IN (<sources>)";
        long atMillis = at.toEpochMilli();
        db.stream(
                h -> {
                    var q = h.createQuery("SELECT source_id, channel_id, programmes" + BLOCKS
                                    + " WHERE start_at <= :at AND stop_at > :at" + bySource
                                    + " ORDER BY source_id, channel_id, start_at")
                            .bind("at", atMillis)
                            .setFetchSize(db.fetchSize());
                    if (!sources.isEmpty()) {
                        q.bindList(
                                "sources",
                                sources.stream().map(EpgSourceId::toString).toList());
                    }
                    return q.map((rs, ctx) -> {
                        ProgrammeCodec.decode(
                                rs.getBytes(3),
                                EpgSourceId.parse(rs.getString(1)),
                                text.text(rs, 2),
                                atMillis,
                                atMillis + 1,
                                consumer);
                        return atMillis;
                    });
                },
                block -> {});
    }

    @Override
    public long countProgrammes(EpgSourceId source) {
        return db.withHandle(
                h -> h.createQuery("SELECT COALESCE(SUM(programme_count), 0)" + BLOCKS + " WHERE source_id = :source")
                        .bind("source", source.toString())
                        .mapTo(Long.class)
                        .one());
    }

    @Override
    public long deleteEndedBefore(Instant cutoff) {
        return db.inTransaction(h -> new EndedProgrammes(h.getConnection(), db.vendor(), db.programmeBatchSize())
                .deleteBefore(cutoff.toEpochMilli()));
    }

    private EpgChannel mapChannel(ResultSet rs) throws SQLException {
        List<LocalizedText> names = json.mapList(rs.getString("display_names")).stream()
                .map(m -> new LocalizedText(m.getOrDefault("text", ""), m.get("lang")))
                .toList();
        return new EpgChannel(
                EpgSourceId.parse(rs.getString("source_id")),
                rs.getString("id"),
                names,
                rs.getString("icon_url"),
                rs.getString("url"));
    }

    /**
     * Hands one channel's programmes on in start order: its blocks come in order of their first start, and a block
     * that overlaps the one before it (a guide listing a channel twice) is merged by sorting the channel's list.
     */
    private static final class ChannelProgrammes implements Consumer<EpgProgramme> {
        private final Consumer<EpgProgramme> consumer;
        private final List<EpgProgramme> programmes = new ArrayList<>();
        private String channel = "";
        private boolean sorted = true;

        ChannelProgrammes(Consumer<EpgProgramme> consumer) {
            this.consumer = consumer;
        }

        void startOrContinue(String id) {
            if (!id.equals(channel)) {
                end();
                channel = id;
            }
        }

        @Override
        public void accept(EpgProgramme programme) {
            if (!programmes.isEmpty()
                    && programme
                            .start()
                            .isBefore(programmes.get(programmes.size() - 1).start())) {
                sorted = false;
            }
            programmes.add(programme);
        }

        void end() {
            if (!sorted) {
                programmes.sort(Comparator.comparing(EpgProgramme::start));
            }
            programmes.forEach(consumer);
            programmes.clear();
            sorted = true;
        }
    }

    /** Batches one source's guide within the replace transaction. */
    private final class GuideWriter implements EpgSink {
        private final Handle handle;
        private final String source;
        private final List<EpgChannel> channels = new ArrayList<>();
        private final ProgrammeBlockWriter programmes;

        GuideWriter(Handle handle, EpgSourceId source) {
            this.handle = handle;
            this.source = source.toString();
            this.programmes = new ProgrammeBlockWriter(
                    BlockInserts.of(db.vendor(), handle.getConnection(), this.source),
                    this.source,
                    db.programmeBatchSize());
        }

        @Override
        public void channel(EpgChannel channel) {
            channels.add(channel);
            if (channels.size() >= db.channelBatchSize()) {
                flushChannels();
            }
        }

        @Override
        public void programme(EpgProgramme programme) {
            programmes.add(programme);
        }

        long finish() {
            flushChannels();
            return programmes.finish();
        }

        private void flushChannels() {
            if (channels.isEmpty()) {
                return;
            }
            PreparedBatch batch = handle.prepareBatch(channelUpsert);
            for (EpgChannel c : channels) {
                List<Map<String, String>> names = c.displayNames().stream()
                        .map(JdbiEpgRepository::displayName)
                        .toList();
                batch.bind("source_id", source)
                        .bind("id", c.id())
                        .bind("display_names", json.write(names))
                        .bind("icon_url", c.iconUrl())
                        .bind("url", c.url())
                        .add();
            }
            batch.execute();
            channels.clear();
        }
    }

    private static Map<String, String> displayName(LocalizedText text) {
        Map<String, String> name = new LinkedHashMap<>();
        name.put("text", text.text());
        if (text.lang() != null) {
            name.put("lang", text.lang());
        }
        return name;
    }
}
