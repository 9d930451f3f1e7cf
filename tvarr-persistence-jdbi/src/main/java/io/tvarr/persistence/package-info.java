/** JDBI + HikariCP + Flyway storage for every repository port, on SQLite, PostgreSQL and MySQL/MariaDB. */
@NullMarked
package io.tvarr.persistence;

import org.jspecify.annotations.NullMarked;
