package io.tvarr.persistence.output;

import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.out.OutputAccessRepository;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.persistence.sql.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Output access in table {@code proxy_output_access}, one row per proxy that was ever changed, ranges as
 * comma-separated CIDR text; a proxy's deletion cascades to its row.
 */
public final class JdbiOutputAccessRepository implements OutputAccessRepository {
    private static final String COLUMNS = "proxy_id, mode, allowed_ranges, token";

    private final Database db;

    public JdbiOutputAccessRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(OutputAccess access) {
        // delete and insert in one transaction: portable across the three databases' different upserts
        db.inTransaction(h -> {
            h.createUpdate("DELETE FROM proxy_output_access WHERE proxy_id = :proxy")
                    .bind("proxy", access.proxy().toString())
                    .execute();
            return h.createUpdate(
                            "INSERT INTO proxy_output_access (" + COLUMNS + ") VALUES (:proxy, :mode, :ranges, :token)")
                    .bind("proxy", access.proxy().toString())
                    .bind("mode", access.mode().name())
                    .bind(
                            "ranges",
                            access.allowedRanges().stream()
                                    .map(CidrRange::toString)
                                    .collect(Collectors.joining(",")))
                    .bind("token", access.token())
                    .execute();
        });
    }

    @Override
    public Optional<OutputAccess> findByProxy(ProxyId proxy) {
        return db.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM proxy_output_access WHERE proxy_id = :proxy")
                        .bind("proxy", proxy.toString())
                        .map((rs, ctx) -> map(rs))
                        .findOne());
    }

    @Override
    public List<OutputAccess> findAll() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM proxy_output_access ORDER BY proxy_id")
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static OutputAccess map(ResultSet rs) throws SQLException {
        String ranges = rs.getString("allowed_ranges");
        return new OutputAccess(
                ProxyId.parse(rs.getString("proxy_id")),
                AccessMode.valueOf(rs.getString("mode")),
                ranges.isEmpty()
                        ? List.of()
                        : Arrays.stream(ranges.split(",")).map(CidrRange::parse).toList(),
                rs.getString("token"));
    }
}
