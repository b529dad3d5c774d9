package io.lanes.layering.broken.service;

import java.sql.DriverManager;
import java.sql.SQLException;

/** A service opening a database connection outside persistence. */
public final class SqlInService {

    public void run() throws SQLException {
        DriverManager.getConnection("jdbc:postgresql://localhost/none").close();
    }
}
