package dev.rapport.customer.adapter.out.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * Statements of the bulk import that are planned anew at every execution. pgjdbc switches a
 * statement to a server-side prepared one after five runs, and PostgreSQL may then keep a generic
 * plan made while the import's tables were small: measured on the Online Retail file, the external-id
 * lookup stayed a sequential scan comparing every customer with every id of the chunk (9 ms per
 * chunk and growing). A fresh plan per chunk costs far less than one such scan.
 */
public final class FreshPlans {

    private FreshPlans() {
    }

    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
