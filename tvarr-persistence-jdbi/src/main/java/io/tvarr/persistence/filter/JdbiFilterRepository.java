package io.tvarr.persistence.filter;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.filter.port.out.FilterRepository;
import io.tvarr.persistence.sql.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/** Filters in table {@code filter}. */
public final class JdbiFilterRepository implements FilterRepository {
    private static final String SELECT = "SELECT id, name, domain, action, expression FROM filter";

    private final Database db;

    public JdbiFilterRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Filter filter) {
        db.withHandle(h -> bind(
                        h.createUpdate("INSERT INTO filter (id, name, domain, action, expression)"
                                + " VALUES (:id, :name, :domain, :action, :expression)"),
                        filter)
                .execute());
    }

    @Override
    public void update(Filter filter) {
        int rows = db.withHandle(h -> bind(
                        h.createUpdate("UPDATE filter SET name = :name, domain = :domain,"
                                + " action = :action, expression = :expression WHERE id = :id"),
                        filter)
                .execute());
        if (rows == 0) {
            throw new NotFoundException("filter " + filter.id() + ": not found");
        }
    }

    @Override
    public boolean delete(FilterId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM filter WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                > 0;
    }

    @Override
    public Optional<Filter> findById(FilterId id) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<Filter> findAll() {
        return db.withHandle(h -> h.createQuery(SELECT + " ORDER BY name, id")
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static Update bind(Update update, Filter f) {
        return update.bind("id", f.id().toString())
                .bind("name", f.name())
                .bind("domain", f.domain().name())
                .bind("action", f.action().name())
                .bind("expression", f.expression());
    }

    private static Filter map(ResultSet rs) throws SQLException {
        return new Filter(
                FilterId.parse(rs.getString("id")),
                rs.getString("name"),
                ExpressionDomain.valueOf(rs.getString("domain")),
                FilterAction.valueOf(rs.getString("action")),
                rs.getString("expression"));
    }
}
