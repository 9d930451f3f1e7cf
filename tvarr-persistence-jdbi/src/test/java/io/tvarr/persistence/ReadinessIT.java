package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /readyz} is open to anyone, so what readiness says about a failing database must hold no credential. */
class ReadinessIT {
    @TempDir
    Path dir;

    @Test
    void a_driver_message_naming_the_url_with_its_password_is_told_masked() {
        String url = "jdbc:sqlite:" + dir.resolve("ready.db");
        AtomicBoolean down = new AtomicBoolean();
        DataSource source = new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                if (down.get()) {
                    throw new SQLException(
                            "Could not connect to jdbc:mariadb://db.example/tvarr?user=tvarr&password=s3cret");
                }
                return DriverManager.getConnection(url);
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {}

            @Override
            public void setLoginTimeout(int seconds) {}

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
        try (JdbiPersistence store = JdbiPersistence.attach(source)) {
            down.set(true);

            String said = store.readiness().toString();

            assertThat(said).contains("database unreachable").doesNotContain("s3cret");
        }
    }
}
