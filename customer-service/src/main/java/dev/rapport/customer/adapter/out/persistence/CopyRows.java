package dev.rapport.customer.adapter.out.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, sent with one {@code COPY ... FROM STDIN}: the fastest way
 * to insert many rows (no statement per row, no parameter binding). Values are tab-separated,
 * {@code \N} is null, and backslash, tab, newline and carriage return are escaped. The rows are
 * written straight into UTF-8 bytes (an import chunk has ~10,000 lines): no intermediate String
 * of the whole chunk, no UUID strings.
 */
public final class CopyRows {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'\\', 'N'};

    private byte[] bytes = new byte[1 << 12]; // doubles as needed; a chunk's customers are a few KB
    private int length;
    private boolean rowStarted;
    private long rows;

    public CopyRows value(String value) {
        separate();
        if (value == null) {
            return append(NULL);
        }
        int n = value.length();
        ensure(2 * n); // every character escaped, the worst case
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) { // rare in practice: encode the rest of the value the general way
                return escaped(value.substring(i));
            }
            switch (c) {
                case '\\' -> twoBytes('\\', '\\');
                case '\t' -> twoBytes('\\', 't');
                case '\n' -> twoBytes('\\', 'n');
                case '\r' -> twoBytes('\\', 'r');
                default -> bytes[length++] = (byte) c;
            }
        }
        return this;
    }

    public CopyRows value(UUID value) {
        separate();
        if (value == null) {
            return append(NULL);
        }
        ensure(36);
        hex(value.getMostSignificantBits() >>> 32, 8);
        bytes[length++] = '-';
        hex(value.getMostSignificantBits() >>> 16, 4);
        bytes[length++] = '-';
        hex(value.getMostSignificantBits(), 4);
        bytes[length++] = '-';
        hex(value.getLeastSignificantBits() >>> 48, 4);
        bytes[length++] = '-';
        hex(value.getLeastSignificantBits(), 12);
        return this;
    }

    public CopyRows value(BigDecimal value) {
        return raw(value == null ? null : value.toPlainString());
    }

    public CopyRows value(long value) {
        separate();
        if (value >= 0 && value < 10) {
            ensure(1);
            bytes[length++] = (byte) ('0' + value);
            return this;
        }
        return append(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    /** ISO-8601 with Z, which timestamptz reads as UTC. */
    public CopyRows value(Instant value) {
        return raw(value == null ? null : value.toString());
    }

    public CopyRows endRow() {
        ensure(1);
        bytes[length++] = '\n';
        rowStarted = false;
        rows++;
        return this;
    }

    long rows() {
        return rows;
    }

    /** The rows as COPY text (UTF-8). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Sends the rows with {@code copySql} ({@code COPY table (columns) FROM STDIN}) on the transaction's connection. */
    public void copyInto(Connection connection, String copySql) throws SQLException {
        copyInto(connection, copySql, () -> { });
    }

    /**
     * Sends the rows, runs {@code meanwhile} while the server stores them (it must not use the
     * connection), then waits for the statement; when {@code meanwhile} throws, the COPY is cancelled.
     */
    public void copyInto(Connection connection, String copySql, Runnable meanwhile) throws SQLException {
        if (rows == 0) {
            meanwhile.run();
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            copy.writeToCopy(bytes, 0, length);
            copy.flushCopy();
            meanwhile.run();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A value whose text needs no escaping (numbers, timestamps): ASCII only. */
    private CopyRows raw(String value) {
        separate();
        if (value == null) {
            return append(NULL);
        }
        int n = value.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    private CopyRows escaped(String rest) {
        String text = rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    private void hex(long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            bytes[length++] = HEX[(int) (value >>> shift) & 0xF];
        }
    }

    private void twoBytes(char first, char second) {
        bytes[length++] = (byte) first;
        bytes[length++] = (byte) second;
    }

    private CopyRows append(byte[] more) {
        ensure(more.length);
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private void separate() {
        if (rowStarted) {
            ensure(1);
            bytes[length++] = '\t';
        }
        rowStarted = true;
    }
}
