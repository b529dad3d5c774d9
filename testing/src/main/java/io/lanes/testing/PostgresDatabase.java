package io.lanes.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where one PostgreSQL database is and how to log in, in the forms the services' configuration
 * wants.
 */
public record PostgresDatabase(String host, int port, String database, String username, String password) {

    /** Reads a libpq-style URL: {@code postgresql://user:password@host:port/database}. */
    public static PostgresDatabase fromUrl(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("expected postgresql://user:password@host:port/database, got " + url);
        }
        String user = "postgres";
        String password = "";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "/postgres" : uri.getPath();
        return new PostgresDatabase(
                uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, path.substring(1), user, password);
    }

    public PostgresDatabase withDatabase(String name) {
        return new PostgresDatabase(host, port, name, username, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form of the Vert.x reactive client ({@code quarkus.datasource.reactive.url}). */
    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username, password);
    }

    /** Runs a query whose first column of the first row is a number (a count, a version); 0 when no row. */
    public long queryLong(String sql, Object... parameters) {
        try (Connection c = connect();
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The Quarkus configuration that points a service's default datasource here. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.reactive.url",
                reactiveUrl(),
                "quarkus.datasource.jdbc.url",
                jdbcUrl(),
                "quarkus.datasource.username",
                username,
                "quarkus.datasource.password",
                password);
    }
}
