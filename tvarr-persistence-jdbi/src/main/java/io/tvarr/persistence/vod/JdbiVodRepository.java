package io.tvarr.persistence.vod;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import io.tvarr.domain.vod.VodSink;
import io.tvarr.domain.vod.port.out.VodRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.TextColumns;
import io.tvarr.persistence.sql.Upserts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Movies, series and episodes in their own tables, kept in the order the panel listed them through a per-source
 * position. Written with plain JDBC batches, as channels are.
 */
public final class JdbiVodRepository implements VodRepository {
    private static final List<String> KEYS = List.of("source_id", "provider_id");
    private static final List<String> MOVIE =
            List.of("source_id", "provider_id", "position", "name", "category", "icon_url", "container", "panel_json");
    private static final List<String> SERIES =
            List.of("source_id", "provider_id", "position", "name", "category", "cover_url", "panel_json");
    private static final List<String> EPISODE = List.of(
            "source_id",
            "provider_id",
            "series_id",
            "position",
            "season",
            "episode",
            "title",
            "container",
            "panel_json");
    private static final List<String> TABLES = List.of("vod_episode", "vod_series", "vod_movie");

    private final Database db;
    private final TextColumns text;
    private final String movieUpsert;
    private final String seriesUpsert;
    private final String episodeUpsert;

    public JdbiVodRepository(Database db) {
        this.db = db;
        this.text = new TextColumns(db.vendor());
        this.movieUpsert = Upserts.positionalUpsert(db.vendor(), "vod_movie", KEYS, MOVIE);
        this.seriesUpsert = Upserts.positionalUpsert(db.vendor(), "vod_series", KEYS, SERIES);
        this.episodeUpsert = Upserts.positionalUpsert(db.vendor(), "vod_episode", KEYS, EPISODE);
    }

    @Override
    public long replaceAllForSource(SourceId source, Consumer<VodSink> writer) {
        return db.inTransaction(h -> {
            for (String table : TABLES) {
                h.createUpdate("DELETE FROM " + table + " WHERE source_id = :source")
                        .bind("source", source.toString())
                        .execute();
            }
            try (PreparedStatement movies = h.getConnection().prepareStatement(movieUpsert);
                    PreparedStatement series = h.getConnection().prepareStatement(seriesUpsert);
                    PreparedStatement episodes = h.getConnection().prepareStatement(episodeUpsert)) {
                VodBatches batches = new VodBatches(source, db.channelBatchSize(), movies, series, episodes);
                writer.accept(batches);
                batches.flush();
                return batches.written();
            } catch (SQLException e) {
                throw new StorageException(
                        "on-demand items of source " + source + ": could not be stored (" + e.getMessage() + ")", e);
            }
        });
    }

    @Override
    public void forEachMovie(SourceId source, Consumer<VodMovie> consumer) {
        db.stream(
                h -> h.createQuery(select(MOVIE, "vod_movie") + " WHERE source_id = :source ORDER BY position")
                        .bind("source", source.toString())
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> movie(rs)),
                consumer);
    }

    @Override
    public void forEachSeries(SourceId source, Consumer<VodSeries> consumer) {
        db.stream(
                h -> h.createQuery(select(SERIES, "vod_series") + " WHERE source_id = :source ORDER BY position")
                        .bind("source", source.toString())
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> series(rs)),
                consumer);
    }

    @Override
    public void forEachEpisode(SourceId source, String seriesId, Consumer<VodEpisode> consumer) {
        // NULLs sort first on some databases and last on others: the CASE puts unnumbered episodes last on all
        db.stream(
                h -> h.createQuery(select(EPISODE, "vod_episode")
                                + " WHERE source_id = :source AND series_id = :series ORDER BY season,"
                                + " CASE WHEN episode IS NULL THEN 1 ELSE 0 END, episode, position")
                        .bind("source", source.toString())
                        .bind("series", seriesId)
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> episode(rs)),
                consumer);
    }

    @Override
    public void forEachEpisode(SourceId source, Consumer<VodEpisode> consumer) {
        db.stream(
                h -> h.createQuery(select(EPISODE, "vod_episode")
                                + " WHERE source_id = :source ORDER BY series_id, season,"
                                + " CASE WHEN episode IS NULL THEN 1 ELSE 0 END, episode, position")
                        .bind("source", source.toString())
                        .setFetchSize(db.fetchSize())
                        .map((rs, ctx) -> episode(rs)),
                consumer);
    }

    @Override
    public Optional<VodMovie> findMovie(SourceId source, String providerId) {
        return db.withHandle(
                h -> h.createQuery(select(MOVIE, "vod_movie") + " WHERE source_id = :source AND provider_id = :id")
                        .bind("source", source.toString())
                        .bind("id", providerId)
                        .map((rs, ctx) -> movie(rs))
                        .findOne());
    }

    @Override
    public Optional<VodEpisode> findEpisode(SourceId source, String providerId) {
        return db.withHandle(
                h -> h.createQuery(select(EPISODE, "vod_episode") + " WHERE source_id = :source AND provider_id = :id")
                        .bind("source", source.toString())
                        .bind("id", providerId)
                        .map((rs, ctx) -> episode(rs))
                        .findOne());
    }

    @Override
    public long count(SourceId source) {
        return db.withHandle(h -> {
            long total = 0;
            for (String table : TABLES) {
                total += h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE source_id = :source")
                        .bind("source", source.toString())
                        .mapTo(Long.class)
                        .one();
            }
            return total;
        });
    }

    private static String select(List<String> columns, String table) {
        return "SELECT " + String.join(", ", columns) + " FROM " + table;
    }

    private VodMovie movie(ResultSet rs) throws SQLException {
        return new VodMovie(
                SourceId.parse(text.text(rs, 1)),
                text.text(rs, 2),
                text.text(rs, 4),
                text.text(rs, 5),
                text.text(rs, 6),
                text.text(rs, 7),
                text.text(rs, 8));
    }

    private VodSeries series(ResultSet rs) throws SQLException {
        return new VodSeries(
                SourceId.parse(text.text(rs, 1)),
                text.text(rs, 2),
                text.text(rs, 4),
                text.text(rs, 5),
                text.text(rs, 6),
                text.text(rs, 7));
    }

    private VodEpisode episode(ResultSet rs) throws SQLException {
        int number = rs.getInt(6);
        Integer episode = rs.wasNull() ? null : number;
        return new VodEpisode(
                SourceId.parse(text.text(rs, 1)),
                text.text(rs, 3),
                text.text(rs, 2),
                rs.getInt(5),
                episode,
                text.text(rs, 7),
                text.text(rs, 8),
                text.text(rs, 9));
    }

    /** Collects the three kinds into JDBC batches; lives for one replace transaction. */
    private static final class VodBatches implements VodSink {
        private final SourceId source;
        private final String sourceId;
        private final int size;
        private final PreparedStatement movies;
        private final PreparedStatement series;
        private final PreparedStatement episodes;
        private int pending;
        private int position;

        VodBatches(
                SourceId source,
                int size,
                PreparedStatement movies,
                PreparedStatement series,
                PreparedStatement episodes) {
            this.source = source;
            this.sourceId = source.toString();
            this.size = size;
            this.movies = movies;
            this.series = series;
            this.episodes = episodes;
        }

        @Override
        public void movie(VodMovie movie) {
            check(movie.sourceId(), "movie " + movie.providerId());
            add(
                    movies,
                    movie.providerId(),
                    movie.name(),
                    movie.category(),
                    movie.icon(),
                    movie.container(),
                    movie.panelJson());
        }

        @Override
        public void series(VodSeries item) {
            check(item.sourceId(), "series " + item.providerId());
            add(series, item.providerId(), item.name(), item.category(), item.cover(), item.panelJson());
        }

        @Override
        public void episode(VodEpisode episode) {
            check(episode.sourceId(), "episode " + episode.providerId());
            try {
                episodes.setString(1, sourceId);
                episodes.setString(2, episode.providerId());
                episodes.setString(3, episode.seriesId());
                episodes.setInt(4, position++);
                episodes.setInt(5, episode.season());
                if (episode.episode() == null) {
                    episodes.setNull(6, Types.INTEGER);
                } else {
                    episodes.setInt(6, episode.episode());
                }
                episodes.setString(7, episode.title());
                episodes.setString(8, episode.container());
                episodes.setString(9, episode.panelJson());
                added(episodes);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        private void add(PreparedStatement statement, @Nullable String... values) {
            try {
                statement.setString(1, sourceId);
                statement.setString(2, values[0]);
                statement.setInt(3, position++);
                for (int i = 1; i < values.length; i++) {
                    statement.setString(i + 3, values[i]);
                }
                added(statement);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        private void added(PreparedStatement statement) throws SQLException {
            statement.addBatch();
            if (++pending >= size) {
                flush();
            }
        }

        void flush() {
            try {
                movies.executeBatch();
                series.executeBatch();
                episodes.executeBatch();
            } catch (SQLException e) {
                throw failed(e);
            }
            pending = 0;
        }

        long written() {
            return position;
        }

        private void check(SourceId owner, String what) {
            if (!owner.equals(source)) {
                throw new IllegalArgumentException(what + ": belongs to source " + owner + ", not " + source);
            }
        }

        private StorageException failed(SQLException e) {
            return new StorageException(
                    "on-demand items of source " + source + ": could not be stored (" + e.getMessage() + ")", e);
        }
    }
}
