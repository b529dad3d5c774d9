package io.lanes.layering.broken.api;

import java.sql.Connection;
import java.sql.SQLException;

/** A resource running SQL itself. */
public final class SqlInResource {

    public void get(Connection connection) throws SQLException {
        connection.createStatement().execute("SELECT 1");
    }
}
