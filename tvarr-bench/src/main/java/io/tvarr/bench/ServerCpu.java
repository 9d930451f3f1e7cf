package io.tvarr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time the database server spends for a bench, which the bench process's own CPU time leaves out: on PostgreSQL
 * the backends connected to the bench's database (one process each, found in {@code pg_stat_activity}), on MariaDB
 * the whole {@code mariadbd} process (one process of threads: other clients' work counts too). Read from
 * {@code /proc/<pid>/stat} (user + system, in clock ticks of 1/100 s, Linux's {@code CLK_TCK}); the server must run
 * on this machine. SQLite runs inside the bench and has none.
 */
public final class ServerCpu {
    private static final double TICKS_PER_SECOND = 100;

    private final BenchDatabase database;
    private Map<Long, Long> started = Map.of();

    public ServerCpu(BenchDatabase database) {
        this.database = database;
    }

    /** Whether there is a server process to read; false for SQLite. */
    public boolean applies() {
        return !database.name().equals("sqlite");
    }

    /** Starts a measurement: the ticks of the processes serving the bench now. */
    public void start() {
        started = ticks();
    }

    /** Seconds of CPU since {@link #start()}; a process that started since counts from zero. */
    public double seconds() {
        long used = 0;
        for (Map.Entry<Long, Long> now : ticks().entrySet()) {
            used += now.getValue() - started.getOrDefault(now.getKey(), 0L);
        }
        return used / TICKS_PER_SECOND;
    }

    private Map<Long, Long> ticks() {
        Map<Long, Long> ticks = new HashMap<>();
        for (long pid : pids()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // the fields after the command's closing parenthesis: state is the first, utime the 12th, stime the
                // 13th
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException e) {
                // the process ended between listing and reading: its ticks are gone with it
            }
        }
        return ticks;
    }

    private List<Long> pids() {
        return switch (database.name()) {
            case "postgres" -> backends();
            case "mariadb" -> processesNamed("mariadbd", "mysqld");
            default -> List.of();
        };
    }

    private List<Long> backends() {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL backends of " + database.url() + ": " + e.getMessage(), e);
        }
        return pids;
    }

    private static List<Long> processesNamed(String... names) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String comm = Files.readString(p.resolve("comm")).strip();
                            return List.of(names).contains(comm);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("/proc: " + e.getMessage(), e);
        }
    }
}
