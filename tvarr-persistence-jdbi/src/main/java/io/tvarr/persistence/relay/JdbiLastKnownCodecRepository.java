package io.tvarr.persistence.relay;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import io.tvarr.persistence.sql.Upserts;
import java.util.List;
import java.util.Optional;

/** Probe results in table {@code last_known_codec}, one row per channel. */
public final class JdbiLastKnownCodecRepository implements LastKnownCodecRepository {
    private static final List<String> COLUMNS =
            List.of("channel_id", "video_codec", "audio_codec", "width", "height", "bitrate", "probed_at");

    private final Database db;
    private final String upsert;

    public JdbiLastKnownCodecRepository(Database db) {
        this.db = db;
        this.upsert = Upserts.upsert(db.vendor(), "last_known_codec", List.of("channel_id"), COLUMNS);
    }

    @Override
    public void upsert(LastKnownCodec codec) {
        db.withHandle(h -> h.createUpdate(upsert)
                .bind("channel_id", codec.channelId().toString())
                .bind("video_codec", codec.videoCodec())
                .bind("audio_codec", codec.audioCodec())
                .bind("width", codec.width())
                .bind("height", codec.height())
                .bind("bitrate", codec.bitrate())
                .bind("probed_at", codec.probedAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<LastKnownCodec> findByChannel(ChannelId channel) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT " + String.join(", ", COLUMNS) + " FROM last_known_codec WHERE channel_id = :id")
                .bind("id", channel.toString())
                .map((rs, ctx) -> new LastKnownCodec(
                        ChannelId.parse(rs.getString("channel_id")),
                        rs.getString("video_codec"),
                        rs.getString("audio_codec"),
                        rs.getInt("width"),
                        rs.getInt("height"),
                        rs.getLong("bitrate"),
                        Rows.instant(rs, "probed_at")))
                .findOne());
    }
}
