package io.tvarr.persistence.epg;

import io.tvarr.domain.Page;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.ProgrammeFlag;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.JsonColumns;
import io.tvarr.persistence.sql.TextColumns;
import io.tvarr.persistence.sql.Upserts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/** Guide channels ({@code epg_channel}) and programmes ({@code epg_programme}) per guide source. */
public final class JdbiEpgRepository implements EpgRepository {
    private static final List<String> CHANNEL_COLUMNS = List.of("source_id", "id", "display_names", "icon_url", "url");
    private static final List<String> PROGRAMME_COLUMNS = List.of(
            "source_id",
            "channel_id",
            "start_at",
            "stop_at",
            "title",
            "title_lang",
            "sub_title",
            "description",
            "categories",
            "icon_url",
            "episode_xmltv_ns",
            "episode_onscreen",
            "rating",
            "flags",
            "extra_xml");
    private static final String SELECT_PROGRAMME =
            "SELECT " + String.join(", ", PROGRAMME_COLUMNS) + " FROM epg_programme";
    // a source's programmes need not read back the source id they were selected by
    private static final String SELECT_SOURCE_PROGRAMME = "SELECT "
            + String.join(", ", PROGRAMME_COLUMNS.subList(1, PROGRAMME_COLUMNS.size())) + " FROM epg_programme";
    private static final String SELECT_CHANNEL = "SELECT " + String.join(", ", CHANNEL_COLUMNS) + " FROM epg_channel";

    private final Database db;
    private final JsonColumns json;
    private final TextColumns text;
    private final String channelUpsert;
    private final String programmeInsert;

    public JdbiEpgRepository(Database db, JsonColumns json) {
        this.db = db;
        this.json = json;
        this.text = new TextColumns(db.vendor());
        this.channelUpsert = Upserts.upsert(db.vendor(), "epg_channel", List.of("source_id", "id"), CHANNEL_COLUMNS);
        this.programmeInsert = "INSERT INTO epg_programme (" + String.join(", ", PROGRAMME_COLUMNS) + ") VALUES ("
                + PROGRAMME_COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public long replaceAllForSource(EpgSourceId source, Consumer<EpgSink> writer) {
        return db.inTransaction(h -> {
            h.createUpdate("DELETE FROM epg_programme WHERE source_id = :source")
                    .bind("source", source.toString())
                    .execute();
            h.createUpdate("DELETE FROM epg_channel WHERE source_id = :source")
                    .bind("source", source.toString())
                    .execute();
            GuideWriter guide = new GuideWriter(h, source);
            writer.accept(guide);
            guide.flush();
            return guide.programmesWritten;
        });
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
        db.stream(
                h -> {
                    var q = h.createQuery(SELECT_SOURCE_PROGRAMME
                                    + " WHERE source_id = :source AND stop_at > :from AND start_at < :to" + lower
                                    + upper + " ORDER BY channel_id, start_at")
                            .bind("source", source.toString())
                            .bind("from", from.toEpochMilli())
                            .bind("to", to.toEpochMilli())
                            .setFetchSize(db.fetchSize());
                    if (range.from() != null) {
                        q.bind("range_from", range.from());
                    }
                    if (range.until() != null) {
                        q.bind("range_until", range.until());
                    }
                    return q.map((rs, ctx) -> {
                        String channel = text.text(rs, 1);
                        return channels.test(channel) ? mapProgramme(rs, source, channel, 1) : null;
                    });
                },
                programme -> {
                    if (programme != null) {
                        consumer.accept(programme);
                    }
                });
    }

    @Override
    public List<EpgProgramme> findProgrammes(
            @Nullable EpgSourceId source, String channelId, Instant from, Instant to, int page, int size) {
        String bySource = source == null ? "" : " AND source_id = :source";
        return db.withHandle(h -> {
            var q = h.createQuery(
                            SELECT_PROGRAMME + " WHERE channel_id = :channel AND stop_at > :from AND start_at < :to"
                                    + bySource + " ORDER BY start_at, source_id LIMIT :limit OFFSET :offset")
                    .bind("channel", channelId)
                    .bind("from", from.toEpochMilli())
                    .bind("to", to.toEpochMilli())
                    .bind("limit", size)
                    .bind("offset", (long) page * size);
            if (source != null) {
                q.bind("source", source.toString());
            }
            return q.map((rs, ctx) -> mapProgramme(rs)).list();
        });
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
        db.stream(
                h -> {
                    var q = h.createQuery(SELECT_PROGRAMME + " WHERE start_at <= :at AND stop_at > :at" + bySource
                                    + " ORDER BY source_id, channel_id")
                            .bind("at", at.toEpochMilli())
                            .setFetchSize(db.fetchSize());
                    if (!sources.isEmpty()) {
                        q.bindList(
                                "sources",
                                sources.stream().map(EpgSourceId::toString).toList());
                    }
                    return q.map((rs, ctx) -> mapProgramme(rs));
                },
                consumer);
    }

    @Override
    public long countProgrammes(EpgSourceId source) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM epg_programme WHERE source_id = :source")
                .bind("source", source.toString())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public long deleteEndedBefore(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM epg_programme WHERE stop_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli())
                .execute());
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

    private EpgProgramme mapProgramme(ResultSet rs) throws SQLException {
        return mapProgramme(rs, EpgSourceId.parse(rs.getString(1)), text.text(rs, 2), 2);
    }

    /**
     * Maps a programme row by column position, {@code channelColumn} being where {@code channel_id} is and the
     * other columns following in {@link #PROGRAMME_COLUMNS} order: looking columns up by name cost a fifth of the
     * time of reading a big guide.
     */
    private EpgProgramme mapProgramme(ResultSet rs, EpgSourceId source, String channel, int channelColumn)
            throws SQLException {
        int c = channelColumn;
        String flags = text.text(rs, c + 12);
        Set<ProgrammeFlag> parsed = flags(flags);
        return new EpgProgramme(
                source,
                channel,
                Instant.ofEpochMilli(rs.getLong(c + 1)),
                Instant.ofEpochMilli(rs.getLong(c + 2)),
                text.text(rs, c + 3),
                text.text(rs, c + 4),
                text.text(rs, c + 5),
                text.text(rs, c + 6),
                json.stringList(text.utf8(rs, c + 7)),
                text.text(rs, c + 8),
                text.text(rs, c + 9),
                text.text(rs, c + 10),
                text.text(rs, c + 11),
                parsed,
                text.text(rs, c + 13));
    }

    /** Immutable sets, which the programme keeps as they are instead of copying. */
    private static Set<ProgrammeFlag> flags(@Nullable String stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        if (stored.indexOf(',') < 0) {
            return Set.of(ProgrammeFlag.valueOf(stored));
        }
        return Arrays.stream(stored.split(",")).map(ProgrammeFlag::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    /** Batches one source's guide within the replace transaction. */
    private final class GuideWriter implements EpgSink {
        private final Handle handle;
        private final String source;
        private final int batchSize = db.programmeBatchSize();
        private final List<EpgProgramme> programmes = new ArrayList<>();
        private final List<EpgChannel> channels = new ArrayList<>();
        private long programmesWritten;

        GuideWriter(Handle handle, EpgSourceId source) {
            this.handle = handle;
            this.source = source.toString();
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
            if (programmes.size() >= batchSize) {
                flushProgrammes();
            }
        }

        void flush() {
            flushChannels();
            flushProgrammes();
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

        /** One plain JDBC batch in {@link #PROGRAMME_COLUMNS} order; JDBI's named binding cost too much per row. */
        private void flushProgrammes() {
            if (programmes.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = handle.getConnection().prepareStatement(programmeInsert)) {
                for (EpgProgramme p : programmes) {
                    statement.setString(1, source);
                    statement.setString(2, p.channelId());
                    statement.setLong(3, p.start().toEpochMilli());
                    statement.setLong(4, p.stop().toEpochMilli());
                    statement.setString(5, p.title());
                    statement.setString(6, p.titleLang());
                    statement.setString(7, p.subTitle());
                    statement.setString(8, p.description());
                    statement.setString(9, json.write(p.categories()));
                    statement.setString(10, p.iconUrl());
                    statement.setString(11, p.episodeXmltvNs());
                    statement.setString(12, p.episodeOnscreen());
                    statement.setString(13, p.rating());
                    statement.setString(14, flags(p));
                    statement.setString(15, p.extraXml());
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw new StorageException(
                        "programmes of guide " + source + ": could not be stored (" + e.getMessage() + ")", e);
            }
            programmesWritten += programmes.size();
            programmes.clear();
        }

        private static String flags(EpgProgramme p) {
            if (p.flags().isEmpty()) {
                return "";
            }
            return p.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
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
