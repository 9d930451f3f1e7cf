package io.tvarr.persistence.relay;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.relay.port.out.RelayProfileRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/** Relay profiles in table {@code relay_profile}. */
public final class JdbiRelayProfileRepository implements RelayProfileRepository {
    private static final String SELECT = "SELECT id, name, video_codec, audio_codec, video_bitrate_kbps,"
            + " audio_bitrate_kbps, max_height, hwaccel, extra_input_args, extra_output_args, smart FROM relay_profile";

    private final Database db;
    private final JsonColumns json;

    public JdbiRelayProfileRepository(Database db, JsonColumns json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void insert(RelayProfile profile) {
        db.withHandle(h -> bind(
                        h.createUpdate("INSERT INTO relay_profile (id, name, video_codec, audio_codec,"
                                + " video_bitrate_kbps, audio_bitrate_kbps, max_height, hwaccel, extra_input_args,"
                                + " extra_output_args, smart) VALUES (:id, :name, :video_codec, :audio_codec,"
                                + " :video_bitrate_kbps, :audio_bitrate_kbps, :max_height, :hwaccel, :extra_input_args,"
                                + " :extra_output_args, :smart)"),
                        profile)
                .execute());
    }

    @Override
    public void update(RelayProfile profile) {
        int rows = db.withHandle(h -> bind(
                        h.createUpdate("UPDATE relay_profile SET name = :name,"
                                + " video_codec = :video_codec, audio_codec = :audio_codec,"
                                + " video_bitrate_kbps = :video_bitrate_kbps, audio_bitrate_kbps = :audio_bitrate_kbps,"
                                + " max_height = :max_height, hwaccel = :hwaccel, extra_input_args = :extra_input_args,"
                                + " extra_output_args = :extra_output_args, smart = :smart WHERE id = :id"),
                        profile)
                .execute());
        if (rows == 0) {
            throw new NotFoundException("relay profile " + profile.id() + ": not found");
        }
    }

    @Override
    public boolean delete(RelayProfileId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM relay_profile WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                > 0;
    }

    @Override
    public Optional<RelayProfile> findById(RelayProfileId id) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<RelayProfile> findAll() {
        return db.withHandle(h -> h.createQuery(SELECT + " ORDER BY name, id")
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private Update bind(Update update, RelayProfile p) {
        return update.bind("id", p.id().toString())
                .bind("name", p.name())
                .bind("video_codec", p.videoCodec().name())
                .bind("audio_codec", p.audioCodec().name())
                .bind("video_bitrate_kbps", p.videoBitrateKbps())
                .bind("audio_bitrate_kbps", p.audioBitrateKbps())
                .bind("max_height", p.maxHeight())
                .bind("hwaccel", p.hardwareAcceleration().name())
                .bind("extra_input_args", json.write(p.extraInputArgs()))
                .bind("extra_output_args", json.write(p.extraOutputArgs()))
                .bind("smart", p.smart());
    }

    private RelayProfile map(ResultSet rs) throws SQLException {
        return new RelayProfile(
                RelayProfileId.parse(rs.getString("id")),
                rs.getString("name"),
                VideoCodec.valueOf(rs.getString("video_codec")),
                AudioCodec.valueOf(rs.getString("audio_codec")),
                rs.getInt("video_bitrate_kbps"),
                rs.getInt("audio_bitrate_kbps"),
                rs.getInt("max_height"),
                HardwareAcceleration.valueOf(rs.getString("hwaccel")),
                json.stringList(rs.getString("extra_input_args")),
                json.stringList(rs.getString("extra_output_args")),
                rs.getBoolean("smart"));
    }
}
