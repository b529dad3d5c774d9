package io.lanes.layering.clean.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** SQL where it belongs. */
public final class Rows {

    public static int count(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT 1")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
