package io.tvarr.persistence.sql;

import io.tvarr.domain.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Update;

/**
 * A repository of definitions (channel sources, guide sources) in one table keyed by a text column {@code id} and
 * listed by {@code name}: insert, update, delete and look-up, with statements built once from the column names.
 * Subclasses bind each column by a parameter of the same name and map a row back. Thread-safe.
 *
 * @param <T> the definition a row holds
 * @param <I> its id, stored as its text
 */
public abstract class DefinitionTable<T, I> {
    private final Database db;
    private final String what;
    private final String insert;
    private final String update;
    private final String delete;
    private final String select;

    /**
     * @param what the kind of definition in words, for the not-found message ({@code "epg source"})
     * @param columnList every column, comma-separated, {@code id} among them
     */
    protected DefinitionTable(Database db, String table, String what, String columnList) {
        List<String> columns =
                Arrays.stream(columnList.split(",")).map(String::strip).toList();
        this.db = db;
        this.what = what;
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
        this.update = "UPDATE " + table + " SET "
                + columns.stream()
                        .filter(c -> !c.equals("id"))
                        .map(c -> c + " = :" + c)
                        .collect(Collectors.joining(", "))
                + " WHERE id = :id";
        this.delete = "DELETE FROM " + table + " WHERE id = :id";
        this.select = "SELECT " + String.join(", ", columns) + " FROM " + table;
    }

    /** Binds every column of the definition, {@code id} included. */
    protected abstract Update bind(Update update, T definition);

    protected abstract T map(ResultSet row) throws SQLException;

    protected abstract I idOf(T definition);

    public void insert(T definition) {
        db.withHandle(h -> bind(h.createUpdate(insert), definition).execute());
    }

    /** @throws NotFoundException when no row has the definition's id */
    public void update(T definition) {
        int rows = db.withHandle(h -> bind(h.createUpdate(update), definition).execute());
        if (rows == 0) {
            throw new NotFoundException(what + " " + idOf(definition) + ": not found");
        }
    }

    /** @return whether a row was there to delete */
    public boolean delete(I id) {
        return db.withHandle(
                        h -> h.createUpdate(delete).bind("id", id.toString()).execute())
                > 0;
    }

    public Optional<T> findById(I id) {
        return db.withHandle(h -> h.createQuery(select + " WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /** Every definition, by name then id. */
    public List<T> findAll() {
        return db.withHandle(h -> h.createQuery(select + " ORDER BY name, id")
                .map((rs, ctx) -> map(rs))
                .list());
    }
}
