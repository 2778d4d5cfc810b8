package dev.rapport.segmentation.adapter.out.persistence.recompute;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.Segment;

/**
 * The rows a recompute changes, collected by binary COPY into a temporary table of the recompute's transaction
 * and applied to seg_score with one DELETE and one INSERT ... ON CONFLICT: a day where few customers change
 * writes few rows. Each COPY is a whole statement (sent when the buffer fills), so the transaction's other
 * statements (the change events) may run between them.
 */
final class ChangedRows {

    private static final int SEND_AT = 1 << 20;
    private static final String TABLE = "seg_score_change";

    private final Connection connection;
    private final byte[][] segments = new byte[Segment.values().length][];
    private byte[] bytes = new byte[SEND_AT + (1 << 12)];
    private int length;
    private long rows;

    ChangedRows(Connection connection) throws SQLException {
        this.connection = connection;
        for (Segment s : Segment.values()) {
            segments[s.ordinal()] = WireNames.of(s).getBytes(StandardCharsets.UTF_8);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE TEMP TABLE %s (customer_id uuid NOT NULL, first_purchase_date date, last_purchase_date date,
                      frequency integer, monetary_cents bigint, r integer, f integer, m integer, segment text,
                      abc_class text, recent_spend text, previous_spend text) ON COMMIT DROP""".formatted(TABLE));
        }
    }

    /** A customer's new row (dates as PostgreSQL's binary days, monetary in cents). */
    void row(UUID customerId, int firstDay, int lastDay, int purchases, long cents, int r, int f, int m,
            Segment segment, AbcClass abc, BigDecimal recent, BigDecimal previous) throws SQLException {
        int16(12).uuid(customerId);
        int32(4).int32(firstDay).int32(4).int32(lastDay).int32(4).int32(purchases).int32(8).int64(cents);
        int32(4).int32(r).int32(4).int32(f).int32(4).int32(m);
        text(segments[segment.ordinal()]).text(abc.name().getBytes(StandardCharsets.US_ASCII));
        text(recent.toPlainString().getBytes(StandardCharsets.US_ASCII));
        text(previous.toPlainString().getBytes(StandardCharsets.US_ASCII));
        sent();
    }

    /** A customer with no counting purchase as of the new asOf: its row goes. */
    void gone(UUID customerId) throws SQLException {
        int16(12).uuid(customerId);
        for (int i = 0; i < 11; i++) {
            int32(-1);
        }
        sent();
    }

    /** Writes what is pending and applies every collected row to seg_score. @return rows changed */
    long apply() throws SQLException {
        send();
        try (Statement st = connection.createStatement()) {
            st.execute("DELETE FROM seg_score s USING " + TABLE + " c WHERE c.first_purchase_date IS NULL "
                    + "AND s.customer_id = c.customer_id");
            st.execute("""
                    INSERT INTO seg_score (customer_id, first_purchase_date, last_purchase_date, frequency, monetary,
                      r, f, m, segment, abc_class, recent_spend, previous_spend)
                    SELECT customer_id, first_purchase_date, last_purchase_date, frequency, monetary_cents * 0.01,
                      r, f, m, segment, abc_class, recent_spend::numeric, previous_spend::numeric
                    FROM %s WHERE first_purchase_date IS NOT NULL
                    ON CONFLICT (customer_id) DO UPDATE SET first_purchase_date = excluded.first_purchase_date,
                      last_purchase_date = excluded.last_purchase_date, frequency = excluded.frequency,
                      monetary = excluded.monetary, r = excluded.r, f = excluded.f, m = excluded.m,
                      segment = excluded.segment, abc_class = excluded.abc_class,
                      recent_spend = excluded.recent_spend, previous_spend = excluded.previous_spend
                    """.formatted(TABLE));
        }
        return rows;
    }

    private void sent() throws SQLException {
        rows++;
        if (length >= SEND_AT) {
            send();
        }
    }

    private void send() throws SQLException {
        if (length == 0) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + TABLE + " FROM STDIN WITH (FORMAT binary)");
        try {
            byte[] header = new byte[TotalsScoring.SIGNATURE.length + 8];
            System.arraycopy(TotalsScoring.SIGNATURE, 0, header, 0, TotalsScoring.SIGNATURE.length);
            copy.writeToCopy(header, 0, header.length);
            int16(-1);
            copy.writeToCopy(bytes, 0, length);
            copy.endCopy();
        } finally {
            length = 0;
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private ChangedRows int16(int value) {
        ensure(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    private ChangedRows int32(int value) {
        ensure(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    private ChangedRows int64(long value) {
        return int32((int) (value >>> 32)).int32((int) value);
    }

    private ChangedRows uuid(UUID id) {
        return int32(16).int64(id.getMostSignificantBits()).int64(id.getLeastSignificantBits());
    }

    private ChangedRows text(byte[] utf8) {
        int32(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }
}
