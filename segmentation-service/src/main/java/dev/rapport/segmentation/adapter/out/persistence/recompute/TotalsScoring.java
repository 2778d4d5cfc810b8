package dev.rapport.segmentation.adapter.out.persistence.recompute;

import dev.rapport.segmentation.domain.score.SortedRanks;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyInputStream;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.Scores;
import dev.rapport.segmentation.domain.score.Segment;

/**
 * The full recompute from the customers' lifetime totals (seg_customer_totals) instead of the purchases: for
 * an asOf after a customer's last counting purchase (the daily run: everyone but today's buyers) its R, F and
 * M are its totals; only the customers with a purchase on or after asOf are aggregated again from their
 * purchases before asOf (a far past asOf thus aggregates most purchases, correctly, just not faster). Two
 * streamed binary COPYs out of one snapshot and one COPY into the new run's table, with no object per
 * customer:
 * <ol>
 * <li>last purchase day, purchases and monetary in cents of everyone, into three sorted primitive arrays (and
 * the prefix sums of the cents): a customer's "strictly worse" counts are then binary searches, the monetary
 * above it the total less a prefix sum (ties excluded);</li>
 * <li>every customer's row (with its spend windows, aggregated from the purchases of the two windows only),
 * its scores, segment and class computed on the way and the row written on at once: the values PostgreSQL
 * produced (ids, dates, exact decimals) pass through as the bytes it sent.</li>
 * </ol>
 * Memory: about 24 bytes per customer (the sorted arrays), whatever the rows hold.
 */
final class TotalsScoring {

    /** Days from 1970-01-01 to 2000-01-01, PostgreSQL's binary date origin. */
    private static final int PG_EPOCH_DAY = (int) LocalDate.of(2000, 1, 1).toEpochDay();
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int SEND_AT = 1 << 18;
    /** Columns of a seg_score row as written, in the COPY's order. */
    static final String COPY_COLUMNS = "run_id, customer_id, first_purchase_date, last_purchase_date, recency_days, "
            + "frequency, monetary, r, f, m, segment, abc_class, recent_spend, previous_spend";

    private TotalsScoring() {
    }

    /** The population's sorted values: what every customer is compared with. */
    record Population(int[] lastDays, int[] purchases, long[] cents, long[] centsPrefix) {

        int n() {
            return lastDays.length;
        }

        long totalCents() {
            return centsPrefix[centsPrefix.length - 1];
        }
    }

    /**
     * Every customer's counting purchases as of {@code start}: its totals when its last purchase is before
     * start, else re-aggregated from its purchases before start (none: no row).
     */
    static String source(Instant start) {
        String at = instant(start);
        return """
                SELECT customer_id, first_at, last_at, purchases, monetary
                FROM seg_customer_totals WHERE last_at < %s
                UNION ALL
                SELECT p.customer_id, min(p.occurred_at), max(p.occurred_at), count(*)::int, sum(p.total)
                FROM seg_customer_totals t JOIN seg_purchase p ON p.customer_id = t.customer_id
                WHERE t.last_at >= %s AND p.total > 0 AND p.occurred_at < %s
                GROUP BY p.customer_id
                """.formatted(at, at, at);
    }

    /** Pass 1: the population's sorted values. */
    static Population population(Connection c, LocalDate asOf, ZoneId zone) throws SQLException, IOException {
        String sql = "COPY (SELECT (last_at AT TIME ZONE " + literal(zone.getId()) + ")::date, purchases, "
                + "(round(monetary, 2) * 100)::int8 FROM (" + source(asOf.atStartOfDay(zone).toInstant())
                + ") t) TO STDOUT (FORMAT binary)";
        int[] last = new int[1 << 12];
        int[] purchases = new int[last.length];
        long[] cents = new long[last.length];
        int n = 0;
        try (DataInputStream in = copyOut(c, sql)) {
            while (nextRow(in, 3)) {
                if (n == last.length) {
                    int grown = n + (n >> 1);
                    last = Arrays.copyOf(last, grown);
                    purchases = Arrays.copyOf(purchases, grown);
                    cents = Arrays.copyOf(cents, grown);
                }
                last[n] = int4(in);
                purchases[n] = int4(in);
                cents[n] = int8(in);
                n++;
            }
        }
        last = Arrays.copyOf(last, n);
        purchases = Arrays.copyOf(purchases, n);
        cents = Arrays.copyOf(cents, n);
        Arrays.sort(last);
        Arrays.sort(purchases);
        Arrays.sort(cents);
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + cents[i];
        }
        return new Population(last, purchases, cents, prefix);
    }

    /**
     * Pass 2: streams every customer's row, scored, from {@code read} (the snapshot's connection) into
     * {@code table} on {@code write} (a transaction that created or truncated the table: COPY FREEZE).
     * @return rows written
     */
    static int write(Connection read, Connection write, String table, long runId, Population population,
            LocalDate asOf, ZoneId zone, int spendWindowDays) throws SQLException, IOException {
        String z = literal(zone.getId());
        Instant start = asOf.atStartOfDay(zone).toInstant();
        Instant recent = asOf.minusDays(spendWindowDays).atStartOfDay(zone).toInstant();
        Instant previous = asOf.minusDays(2L * spendWindowDays).atStartOfDay(zone).toInstant();
        String sql = """
                COPY (
                  SELECT t.customer_id, (t.first_at AT TIME ZONE %s)::date, (t.last_at AT TIME ZONE %s)::date,
                         t.purchases, round(t.monetary, 2), (round(t.monetary, 2) * 100)::int8,
                         coalesce(w.recent, 0), coalesce(w.previous, 0)
                  FROM (%s) t
                  LEFT JOIN (
                    SELECT customer_id, sum(total) FILTER (WHERE occurred_at >= %s) AS recent,
                           sum(total) FILTER (WHERE occurred_at < %s) AS previous
                    FROM seg_purchase
                    WHERE total > 0 AND occurred_at >= %s AND occurred_at < %s
                    GROUP BY customer_id
                  ) w ON w.customer_id = t.customer_id
                ) TO STDOUT (FORMAT binary)
                """.formatted(z, z, source(start), instant(recent), instant(recent), instant(previous),
                        instant(start));
        int n = population.n();
        int asOfDay = (int) asOf.toEpochDay() - PG_EPOCH_DAY;
        long total = population.totalCents();
        long aCut = ceil(AbcClass.A_LIMIT, total);
        long bCut = ceil(AbcClass.B_LIMIT, total);
        byte[][] segments = new byte[26][];
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                segments[r * 5 + f - 5] = WireNames.of(Segment.of(r, f)).getBytes(StandardCharsets.UTF_8);
            }
        }
        byte[][] classes = {"A".getBytes(StandardCharsets.US_ASCII), "B".getBytes(StandardCharsets.US_ASCII),
                "C".getBytes(StandardCharsets.US_ASCII)};
        Out out = new Out();
        CopyIn copy = write.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + table + " (" + COPY_COLUMNS + ") FROM STDIN WITH (FORMAT binary, FREEZE)");
        int rows = 0;
        try (DataInputStream in = copyOut(read, sql)) {
            out.bytes(SIGNATURE).int32(0).int32(0);
            while (nextRow(in, 8)) {
                out.int16(14).int32(8).int64(runId);
                out.raw(in); // customer_id
                out.raw(in); // first purchase date
                int lastDay = int4(in);
                out.int32(4).int32(lastDay);
                out.int32(4).int32(asOfDay - lastDay); // recency days
                int purchases = int4(in);
                out.int32(4).int32(purchases);
                out.raw(in); // monetary
                long cents = int8(in);
                int r = Scores.score(SortedRanks.lowerBound(population.lastDays(), lastDay), n);
                int f = Scores.score(SortedRanks.lowerBound(population.purchases(), purchases), n);
                int m = Scores.score(SortedRanks.lowerBound(population.cents(), cents), n);
                long above = total - population.centsPrefix()[SortedRanks.upperBound(population.cents(), cents)];
                out.int32(4).int32(r).int32(4).int32(f).int32(4).int32(m);
                out.text(segments[r * 5 + f - 5]);
                out.text(classes[above < aCut ? 0 : above < bCut ? 1 : 2]);
                out.raw(in); // recent spend
                out.raw(in); // previous spend
                rows++;
                if (out.length >= SEND_AT) {
                    out.sendTo(copy);
                }
            }
            out.int16(-1);
            out.sendTo(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        if (rows != n) {
            // the totals changed between the passes: impossible in one snapshot, so a broken assumption
            throw new IllegalStateException("population of " + n + " but " + rows + " rows");
        }
        return rows;
    }

    /** The smallest whole number of cents not below {@code share} × {@code totalCents}. */
    private static long ceil(BigDecimal share, long totalCents) {
        return share.multiply(BigDecimal.valueOf(totalCents)).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String instant(Instant at) {
        return "'" + at + "'::timestamptz";
    }

    private static DataInputStream copyOut(Connection c, String sql) throws SQLException {
        InputStream copy = new PGCopyInputStream(c.unwrap(PGConnection.class), sql);
        DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16));
        try {
            byte[] signature = new byte[SIGNATURE.length];
            in.readFully(signature);
            if (!Arrays.equals(signature, SIGNATURE)) {
                throw new IOException("not a binary COPY stream");
            }
            in.readInt(); // flags
            in.skipNBytes(in.readInt()); // header extension
            return in;
        } catch (IOException e) {
            throw new SQLException("COPY out: " + e.getMessage(), e);
        }
    }

    /** Reads a row's field count: false at the trailer. */
    private static boolean nextRow(DataInputStream in, int fields) throws IOException {
        short count;
        try {
            count = in.readShort();
        } catch (EOFException e) {
            return false;
        }
        if (count == -1) {
            return false;
        }
        if (count != fields) {
            throw new IOException("expected " + fields + " fields, got " + count);
        }
        return true;
    }

    private static int int4(DataInputStream in) throws IOException {
        if (in.readInt() != 4) {
            throw new IOException("int4 field expected");
        }
        return in.readInt();
    }

    private static long int8(DataInputStream in) throws IOException {
        if (in.readInt() != 8) {
            throw new IOException("int8 field expected");
        }
        return in.readLong();
    }

    /** A growing buffer of binary COPY bytes. */
    private static final class Out {

        byte[] bytes = new byte[SEND_AT + (1 << 12)];
        int length;

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        Out bytes(byte[] value) {
            ensure(value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
            return this;
        }

        Out int16(int value) {
            ensure(2);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
            return this;
        }

        Out int32(int value) {
            ensure(4);
            bytes[length++] = (byte) (value >>> 24);
            bytes[length++] = (byte) (value >>> 16);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
            return this;
        }

        Out int64(long value) {
            return int32((int) (value >>> 32)).int32((int) value);
        }

        Out text(byte[] utf8) {
            return int32(utf8.length).bytes(utf8);
        }

        /** Copies one field (length and bytes, or a null) from the COPY out stream as it is. */
        void raw(DataInputStream in) throws IOException {
            int size = in.readInt();
            int32(size);
            if (size > 0) {
                ensure(size);
                in.readFully(bytes, length, size);
                length += size;
            }
        }

        void sendTo(CopyIn copy) throws SQLException {
            copy.writeToCopy(bytes, 0, length);
            length = 0;
        }
    }
}
