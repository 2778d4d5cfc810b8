package dev.rapport.customer.adapter.out.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format, sent with one {@code COPY ... FROM STDIN}: the fastest way
 * to insert many rows (no statement per row, no parameter binding). Values are tab-separated,
 * {@code \N} is null, and backslash, tab, newline and carriage return are escaped.
 */
final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private long rows;

    CopyRows value(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyRows value(UUID value) {
        return raw(value == null ? null : value.toString());
    }

    CopyRows value(BigDecimal value) {
        return raw(value == null ? null : value.toPlainString());
    }

    CopyRows value(long value) {
        separate();
        text.append(value);
        return this;
    }

    /** ISO-8601 with Z, which timestamptz reads as UTC. */
    CopyRows value(Instant value) {
        return raw(value == null ? null : value.toString());
    }

    CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    long rows() {
        return rows;
    }

    /** Sends the rows with {@code copySql} ({@code COPY table (columns) FROM STDIN}) on the transaction's connection. */
    void copyInto(Connection connection, String copySql) throws SQLException {
        if (rows == 0) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** A value whose text needs no escaping (numbers, UUIDs, timestamps). */
    private CopyRows raw(String value) {
        separate();
        text.append(value == null ? "\\N" : value);
        return this;
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
