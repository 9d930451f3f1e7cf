package io.tvarr.persistence.sql;

import io.tvarr.domain.config.port.out.Transactions;
import java.util.function.Supplier;

/**
 * Transactions over JDBI's handle scope: while the work runs, every repository's {@code withHandle} and
 * {@code inTransaction} on this thread is given the transaction's handle, so their writes commit or roll back
 * together.
 */
public final class JdbiTransactions implements Transactions {
    private final Database db;

    public JdbiTransactions(Database db) {
        this.db = db;
    }

    @Override
    public <T> T inOne(Supplier<T> work) {
        return db.inTransaction(handle -> work.get());
    }
}
