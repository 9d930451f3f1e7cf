package io.tvarr.persistence.mapping;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.persistence.sql.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/** Mapping rules in table {@code mapping_rule}. */
public final class JdbiDataMappingRuleRepository implements DataMappingRuleRepository {
    private static final String SELECT =
            "SELECT id, name, domain, expression, enabled, position, stop_on_match FROM mapping_rule";

    private final Database db;

    public JdbiDataMappingRuleRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(DataMappingRule rule) {
        db.withHandle(h -> bind(
                        h.createUpdate("INSERT INTO mapping_rule (id, name, domain, expression, enabled,"
                                + " position, stop_on_match) VALUES (:id, :name, :domain, :expression, :enabled,"
                                + " :position, :stop_on_match)"),
                        rule)
                .execute());
    }

    @Override
    public void update(DataMappingRule rule) {
        int rows = db.withHandle(h -> bind(
                        h.createUpdate("UPDATE mapping_rule SET name = :name, domain = :domain,"
                                + " expression = :expression, enabled = :enabled, position = :position,"
                                + " stop_on_match = :stop_on_match WHERE id = :id"),
                        rule)
                .execute());
        if (rows == 0) {
            throw new NotFoundException("mapping rule " + rule.id() + ": not found");
        }
    }

    @Override
    public void updatePositions(List<DataMappingRule> rules) {
        db.inTransaction(h -> {
            var batch = h.prepareBatch("UPDATE mapping_rule SET position = :position WHERE id = :id");
            for (DataMappingRule rule : rules) {
                batch.bind("position", rule.position())
                        .bind("id", rule.id().toString())
                        .add();
            }
            int[] counts = batch.execute();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new NotFoundException("mapping rule " + rules.get(i).id() + ": not found");
                }
            }
            return null;
        });
    }

    @Override
    public boolean delete(MappingRuleId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM mapping_rule WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                > 0;
    }

    @Override
    public Optional<DataMappingRule> findById(MappingRuleId id) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<DataMappingRule> findAll() {
        return db.withHandle(h -> h.createQuery(SELECT + " ORDER BY position, id")
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static Update bind(Update update, DataMappingRule r) {
        return update.bind("id", r.id().toString())
                .bind("name", r.name())
                .bind("domain", r.domain().name())
                .bind("expression", r.expression())
                .bind("enabled", r.enabled())
                .bind("position", r.position())
                .bind("stop_on_match", r.stopOnMatch());
    }

    private static DataMappingRule map(ResultSet rs) throws SQLException {
        return new DataMappingRule(
                MappingRuleId.parse(rs.getString("id")),
                rs.getString("name"),
                ExpressionDomain.valueOf(rs.getString("domain")),
                rs.getString("expression"),
                rs.getBoolean("enabled"),
                rs.getInt("position"),
                rs.getBoolean("stop_on_match"));
    }
}
