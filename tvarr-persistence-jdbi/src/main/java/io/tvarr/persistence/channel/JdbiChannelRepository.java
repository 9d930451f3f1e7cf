package io.tvarr.persistence.channel;

import io.tvarr.domain.Page;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.StoredChannelKey;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.JsonColumns;
import io.tvarr.persistence.sql.TextColumns;
import io.tvarr.persistence.sql.Upserts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/** Channels in table {@code channel}, kept in playlist order through a per-source position. */
public final class JdbiChannelRepository implements ChannelRepository {
    private static final List<String> COLUMNS = List.of(
            "id",
            "source_id",
            "position",
            "external_key",
            "tvg_id",
            "tvg_name",
            "tvg_chno",
            "name",
            "group_title",
            "logo_url",
            "stream_url",
            "attributes");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM channel";

    private final Database db;
    private final AttributesJson attributes;
    private final TextColumns text;
    private final String insert;
    private final String upsert;

    public JdbiChannelRepository(Database db, JsonColumns json) {
        this.db = db;
        this.attributes = new AttributesJson(json);
        this.text = new TextColumns(db.vendor());
        this.insert = "INSERT INTO channel (" + String.join(", ", COLUMNS) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(COLUMNS.size(), "?")) + ")";
        this.upsert = Upserts.positionalUpsert(db.vendor(), "channel", List.of("id"), COLUMNS);
    }

    @Override
    public long replaceAllForSource(SourceId source, Consumer<ChannelSink> writer) {
        return db.inBulkTransaction(h -> {
            SourceRows removed = SourceRows.remove(h, db.vendor(), source.toString());
            try (BatchWriter batch = new BatchWriter(h, source, removed)) {
                writer.accept(batch);
                batch.flush();
                removed.restore();
                batch.groups.store(h, source.toString());
                return batch.written;
            }
        });
    }

    @Override
    public void forEachBySource(SourceId source, Consumer<Channel> consumer) {
        db.stream(
                h -> h.createQuery(SELECT + " WHERE source_id = :source ORDER BY position, id")
                        .bind("source", source.toString())
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> map(rs, source)),
                consumer);
    }

    @Override
    public void forEachKeyBySource(SourceId source, Consumer<StoredChannelKey> consumer) {
        db.stream(
                h -> h.createQuery("SELECT id, external_key, stream_url FROM channel WHERE source_id = :source"
                                + " ORDER BY position, id")
                        .bind("source", source.toString())
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> new StoredChannelKey(
                                ChannelId.parse(text.text(rs, 1)), text.text(rs, 2), text.text(rs, 3))),
                consumer);
    }

    @Override
    public void forEachNumberBySource(SourceId source, Consumer<@Nullable String> consumer) {
        db.stream(
                h -> h.createQuery("SELECT tvg_chno FROM channel WHERE source_id = :source")
                        .bind("source", source.toString())
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> Optional.ofNullable(text.text(rs, 1))),
                number -> consumer.accept(number.orElse(null)));
    }

    @Override
    public Optional<Channel> findById(ChannelId id) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public long countBySource(SourceId source) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM channel WHERE source_id = :source")
                .bind("source", source.toString())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Page<Channel> findPage(ChannelQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.source() != null) {
            where.append(" AND source_id = :source");
        }
        if (query.group() != null) {
            where.append(" AND group_title = :group");
        }
        if (query.text() != null) {
            where.append(" AND (LOWER(name) LIKE :text ESCAPE '!' OR LOWER(tvg_id) LIKE :text ESCAPE '!'"
                    + " OR LOWER(tvg_name) LIKE :text ESCAPE '!')");
        }
        // a group's count without a search is the sum of its stored counts, not a count of its channels
        String count = query.group() != null && query.text() == null
                ? "SELECT COALESCE(SUM(channels), 0) FROM channel_group" + where
                : "SELECT COUNT(*) FROM channel" + where;
        return db.withHandle(h -> {
            long total =
                    bindQuery(h.createQuery(count), query).mapTo(Long.class).one();
            List<Channel> items = bindQuery(
                            h.createQuery(
                                    SELECT + where + " ORDER BY source_id, position, id LIMIT :limit OFFSET :offset"),
                            query)
                    .bind("limit", query.size())
                    .bind("offset", query.offset())
                    .map((rs, ctx) -> map(rs))
                    .list();
            return new Page<>(items, query.page(), query.size(), total);
        });
    }

    @Override
    public List<GroupCount> groups(@Nullable SourceId source) {
        String where = source == null ? "" : " AND source_id = :source";
        return db.withHandle(h -> {
            var q = h.createQuery("SELECT group_title, SUM(channels) AS channels FROM channel_group WHERE 1 = 1" + where
                    + " GROUP BY group_title ORDER BY group_title");
            if (source != null) {
                q.bind("source", source.toString());
            }
            return q.map((rs, ctx) -> new GroupCount(rs.getString("group_title"), rs.getLong("channels")))
                    .list();
        });
    }

    private static <S extends SqlStatement<S>> S bindQuery(S statement, ChannelQuery query) {
        if (query.source() != null) {
            statement.bind("source", query.source().toString());
        }
        if (query.group() != null) {
            statement.bind("group", query.group());
        }
        if (query.text() != null) {
            String escaped = query.text()
                    .toLowerCase(Locale.ROOT)
                    .replace("!", "!!")
                    .replace("%", "!%")
                    .replace("_", "!_");
            statement.bind("text", "%" + escaped + "%");
        }
        return statement;
    }

    /** Maps a row of {@link #SELECT} by position, in {@link #COLUMNS} order; names cost more than the values. */
    private Channel map(ResultSet rs) throws SQLException {
        return map(rs, SourceId.parse(text.text(rs, 2)));
    }

    /** {@link #map(ResultSet)} for rows of a source already known: its id is not decoded again on every row. */
    private Channel map(ResultSet rs, SourceId source) throws SQLException {
        return new Channel(
                ChannelId.parse(text.text(rs, 1)),
                source,
                text.text(rs, 4),
                text.text(rs, 5),
                text.text(rs, 6),
                text.text(rs, 7),
                text.text(rs, 8),
                text.text(rs, 9),
                text.text(rs, 10),
                text.text(rs, 11),
                attributes.read(text.utf8(rs, 12)));
    }

    /**
     * Collects channels into JDBC batches of the configured size on one prepared plain {@code INSERT}; lives for one
     * replace transaction. The replace deleted the source's rows first, so only a channel repeated within this
     * replace can meet a row of its own id: that one (rare) goes through the upsert, after the batch before it, so
     * the later channel wins as it always did; the upsert needs the id's unique index, so the first repeat makes the
     * indexes a load into the empty table set aside at once ({@link SourceRows#restore()}). A plain insert costs
     * SQLite a third less than an upsert per row (it checks the key once, not twice).
     */
    private final class BatchWriter implements ChannelSink, AutoCloseable {
        private final Handle handle;
        private final SourceId source;
        private final SourceRows removed;
        private final String sourceId;
        private final int batchSize = db.channelBatchSize();
        private final WrittenIds ids = new WrittenIds();
        private final GroupCounts groups = new GroupCounts();
        private final AttributesJson.Encoder encoder = attributes.encoder();
        private @Nullable PreparedStatement statement;
        private @Nullable PreparedStatement repeat;
        private int pending;
        private long written;

        BatchWriter(Handle handle, SourceId source, SourceRows removed) {
            this.handle = handle;
            this.source = source;
            this.removed = removed;
            this.sourceId = source.toString();
        }

        /**
         * Binds the channel to the batch. Plain JDBC here, not JDBI's named binding: at 100k channels per source,
         * resolving argument types per value cost a quarter of the ingestion time.
         */
        @Override
        public void accept(Channel channel) {
            if (!channel.sourceId().equals(source)) {
                throw new IllegalArgumentException(
                        "channel " + channel.id() + ": belongs to source " + channel.sourceId() + ", not " + source);
            }
            try {
                if (ids.add(channel.id().value())) {
                    PreparedStatement s = statement();
                    bind(s, channel);
                    s.addBatch();
                    groups.add(channel.group());
                    if (++pending >= batchSize) {
                        flush();
                    }
                } else {
                    flush();
                    removed.restore();
                    groups.repeated();
                    PreparedStatement s = repeat();
                    bind(s, channel);
                    s.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        private void bind(PreparedStatement s, Channel channel) throws SQLException {
            s.setString(1, channel.id().toString());
            s.setString(2, sourceId);
            s.setInt(3, (int) written++);
            s.setString(4, channel.externalKey());
            s.setString(5, channel.tvgId());
            s.setString(6, channel.tvgName());
            s.setString(7, channel.tvgChno());
            s.setString(8, channel.name());
            s.setString(9, channel.group());
            s.setString(10, channel.logoUrl());
            s.setString(11, channel.streamUrl());
            s.setString(12, encoder.write(channel.attributes()));
        }

        void flush() {
            if (pending == 0) {
                return;
            }
            try {
                statement().executeBatch();
            } catch (SQLException e) {
                throw failure(e);
            }
            pending = 0;
        }

        /** Prepared once per replace: SQLite compiles the statement anew on every prepare. */
        private PreparedStatement statement() throws SQLException {
            if (statement == null) {
                statement = handle.getConnection().prepareStatement(insert);
            }
            return statement;
        }

        private PreparedStatement repeat() throws SQLException {
            if (repeat == null) {
                repeat = handle.getConnection().prepareStatement(upsert);
            }
            return repeat;
        }

        private StorageException failure(SQLException e) {
            return new StorageException(
                    "channels of source " + source + ": could not be stored (" + e.getMessage() + ")", e);
        }

        @Override
        public void close() {
            encoder.close();
            close(statement);
            close(repeat);
        }

        private static void close(@Nullable PreparedStatement prepared) {
            if (prepared != null) {
                try {
                    prepared.close();
                } catch (SQLException e) {
                    // the transaction's outcome is decided elsewhere; a statement that fails to close changes none
                }
            }
        }
    }
}
