package io.lanes.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL server to create databases on: either the one {@code LANES_PG_URL} names, or an
 * {@link EmbeddedPostgres} started from the binaries on Maven Central.
 */
public interface PostgresServer extends AutoCloseable {

    /** The environment variable that names an existing server (an admin login on it). */
    String URL_VARIABLE = "LANES_PG_URL";

    /** The server's maintenance database, logged in as a user that may create databases. */
    PostgresDatabase admin();

    @Override
    void close();

    /** Creates an empty database with a unique name. */
    default PostgresDatabase createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        createDatabaseNamed(name);
        return admin().withDatabase(name);
    }

    /** Creates the database unless it exists; returns where it is. */
    default PostgresDatabase createDatabaseNamed(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = admin().connect();
                Statement s = c.createStatement()) {
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + admin().jdbcUrl(), e);
        }
        return admin().withDatabase(name);
    }

    default void dropDatabase(String name) {
        try (Connection c = admin().connect();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    /** The server of {@code LANES_PG_URL} when set, else an embedded one in a temporary directory. */
    static PostgresServer fromEnvironmentOrEmbedded() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            PostgresDatabase admin = PostgresDatabase.fromUrl(url.trim());
            return new PostgresServer() {
                @Override
                public PostgresDatabase admin() {
                    return admin;
                }

                @Override
                public void close() {
                    // Not ours to stop.
                }
            };
        }
        return EmbeddedPostgres.startTemporary();
    }
}
