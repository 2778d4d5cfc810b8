package dev.rapport.segmentation.adapter.out.persistence.recompute;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.application.port.out.recompute.PopulationRecomputer.Transition;
import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.lifecycle.SpendTrend;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.Scores;
import dev.rapport.segmentation.domain.score.Segment;
import dev.rapport.segmentation.domain.score.SortedRanks;
import dev.rapport.segmentation.domain.score.StoredScore;

/**
 * The full recompute from the customers' lifetime totals (seg_customer_totals) instead of the purchases: for
 * an asOf after a customer's last counting purchase (the daily run: everyone but today's buyers) its R, F and
 * M are its totals; only the customers with a purchase on or after asOf are aggregated again from their
 * purchases before asOf (a far past asOf thus aggregates most purchases, correctly, just not faster). Two
 * streamed binary COPYs:
 * <ol>
 * <li>last purchase day, purchases and monetary in cents of everyone, into three sorted primitive arrays (and
 * the prefix sums of the cents): a customer's "strictly worse" counts are then binary searches, the monetary
 * above it the total less a prefix sum (ties excluded);</li>
 * <li>every customer's new values joined with its current row and its signals: scored on the way, compared
 * with the current row in memory (only a changed row is written back) and handed on for the change events.</li>
 * </ol>
 * Memory: about 32 bytes per customer (the sorted arrays), whatever the rows hold.
 */
final class TotalsScoring {

    /** Days from 1970-01-01 to 2000-01-01, PostgreSQL's binary date origin. */
    private static final int PG_EPOCH_DAY = (int) LocalDate.of(2000, 1, 1).toEpochDay();
    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long PG_EPOCH_SECOND = LocalDate.of(2000, 1, 1).toEpochDay() * 86_400L;

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

    /** Pass 1's rows: every customer's last purchase day, purchases and monetary in cents. */
    static String populationSql(LocalDate asOf, ZoneId zone) {
        return "COPY (SELECT (last_at AT TIME ZONE " + literal(zone.getId()) + ")::date, purchases, "
                + "(round(monetary, 2) * 100)::int8 FROM (" + source(asOf.atStartOfDay(zone).toInstant())
                + ") t) TO STDOUT (FORMAT binary)";
    }

    /** Pass 1: the population's sorted values. */
    static Population population(DataInputStream in) throws IOException {
        int[] last = new int[1 << 12];
        int[] purchases = new int[last.length];
        long[] cents = new long[last.length];
        int n = 0;
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
     * Pass 2's rows: every customer of the new population, of the current rows or with signals, all three sides
     * joined. The spend windows as of asOf are aggregated from the purchases of the two windows only for the
     * customers whose stored windows (exact as of {@code previousAsOf}: a re-score or a recompute wrote them)
     * can differ: those with no stored row and, when asOf is at most one window after previousAsOf, those with
     * a purchase in a span that entered or left a window (or on or after previousAsOf); everyone else's stored
     * windows are the new ones. A new day thus reads a few days of purchases, not two windows of them.
     */
    static String passSql(LocalDate previousAsOf, LocalDate asOf, ZoneId zone, int spendWindowDays) {
        String z = literal(zone.getId());
        Instant start = asOf.atStartOfDay(zone).toInstant();
        Instant recent = asOf.minusDays(spendWindowDays).atStartOfDay(zone).toInstant();
        Instant previous = asOf.minusDays(2L * spendWindowDays).atStartOfDay(zone).toInstant();
        long days = previousAsOf.until(asOf, java.time.temporal.ChronoUnit.DAYS);
        String moved;
        if (days >= 0 && days <= spendWindowDays) {
            Instant was = previousAsOf.atStartOfDay(zone).toInstant();
            Instant wasRecent = previousAsOf.minusDays(spendWindowDays).atStartOfDay(zone).toInstant();
            Instant wasPrevious = previousAsOf.minusDays(2L * spendWindowDays).atStartOfDay(zone).toInstant();
            moved = """
                    SELECT customer_id FROM seg_purchase
                    WHERE total > 0 AND (occurred_at >= %s AND occurred_at < %s OR occurred_at >= %s AND occurred_at < %s
                                         OR occurred_at >= %s)
                    UNION
                    SELECT t.customer_id FROM seg_customer_totals t
                    WHERE NOT EXISTS (SELECT 1 FROM seg_score o WHERE o.customer_id = t.customer_id)
                    """.formatted(instant(wasPrevious), instant(previous), instant(wasRecent), instant(recent),
                    instant(was));
        } else {
            moved = "SELECT customer_id FROM seg_customer_totals";
        }
        return """
                COPY (
                  SELECT coalesce(t.customer_id, o.customer_id, g.customer_id),
                         (t.first_at AT TIME ZONE %s)::date, (t.last_at AT TIME ZONE %s)::date, t.purchases,
                         (round(t.monetary, 2) * 100)::int8,
                         CASE WHEN w.customer_id IS NULL THEN coalesce(o.recent_spend, 0) ELSE w.recent END::text,
                         CASE WHEN w.customer_id IS NULL THEN coalesce(o.previous_spend, 0) ELSE w.previous END::text,
                         o.first_purchase_date, o.last_purchase_date, o.frequency, (o.monetary * 100)::int8,
                         o.r, o.f, o.m, o.segment, o.abc_class, o.recent_spend::text, o.previous_spend::text,
                         g.customer_id IS NOT NULL, g.last_nps::int4, g.last_csat::int4, g.open_complaints,
                         g.breached_complaints, g.last_loyalty_activity, g.points_expired, g.loyalty_member
                  FROM (%s) t
                  LEFT JOIN (
                    SELECT m.customer_id, coalesce(sum(p.total) FILTER (WHERE p.occurred_at >= %s), 0) AS recent,
                           coalesce(sum(p.total) FILTER (WHERE p.occurred_at < %s), 0) AS previous
                    FROM (%s) m
                    LEFT JOIN seg_purchase p ON p.customer_id = m.customer_id AND p.total > 0
                      AND p.occurred_at >= %s AND p.occurred_at < %s
                    GROUP BY m.customer_id
                  ) w ON w.customer_id = t.customer_id
                  FULL JOIN seg_score o ON o.customer_id = t.customer_id
                  FULL JOIN seg_signal g ON g.customer_id = coalesce(t.customer_id, o.customer_id)
                ) TO STDOUT (FORMAT binary)
                """.formatted(z, z, source(start), instant(recent), instant(recent), moved, instant(previous),
                        instant(start));
    }

    private static final int PASS_FIELDS = 26;

    /**
     * Pass 2: every row of {@link #passSql}, scored on the way against the population: handed to {@code each}
     * (its current row as of {@code previousAsOf}, its new one as of {@code asOf}, its signals) and, when its
     * stored values change, written to {@code changed} (a new day alone changes no row: recency is derived).
     * @return the new population's customers
     */
    static int pass(DataInputStream in, Population population, LocalDate previousAsOf, LocalDate asOf,
            ChangedRows changed, Consumer<Transition> each, IntConsumer progress) throws IOException, SQLException {
        int n = population.n();
        long total = population.totalCents();
        long aCut = ceil(AbcClass.A_LIMIT, total);
        long bCut = ceil(AbcClass.B_LIMIT, total);
        Segment[] segments = new Segment[26];
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                segments[r * 5 + f - 5] = Segment.of(r, f);
            }
        }
        Map<String, Segment> segmentNames = new HashMap<>();
        for (Segment s : Segment.values()) {
            segmentNames.put(WireNames.of(s), s);
        }
        AbcClass[] classes = AbcClass.values();
        long previousAsOfDay = previousAsOf.toEpochDay() - PG_EPOCH_DAY;
        long asOfDay = asOf.toEpochDay() - PG_EPOCH_DAY;
        byte[] text = new byte[64];
        int rows = 0;
        int step = Math.max(1, n / 20);
        while (nextRow(in, PASS_FIELDS)) {
            UUID customerId = uuid(in);
            StoredScore after = null;
            int first = 0;
            int last = 0;
            int purchases = 0;
            long cents = 0;
            int r = 0;
            int f = 0;
            int m = 0;
            AbcClass abc = null;
            BigDecimal recent = null;
            BigDecimal previous = null;
            if (in.readInt() == 4) {
                first = in.readInt();
                last = int4(in);
                purchases = int4(in);
                cents = int8(in);
                recent = decimal(in, text);
                previous = decimal(in, text);
                r = Scores.score(SortedRanks.lowerBound(population.lastDays(), last), n);
                f = Scores.score(SortedRanks.lowerBound(population.purchases(), purchases), n);
                m = Scores.score(SortedRanks.lowerBound(population.cents(), cents), n);
                long above = total - population.centsPrefix()[SortedRanks.upperBound(population.cents(), cents)];
                abc = classes[above < aCut ? 0 : above < bCut ? 1 : 2];
                after = stored(customerId, first, last, (int) Math.max(0, asOfDay - last), purchases, cents, r, f, m,
                        segments[r * 5 + f - 5], abc, recent, previous);
                if (++rows % step == 0) {
                    progress.accept((int) (100L * rows / n));
                }
            } else {
                skip(in, 5);
            }
            StoredScore before = null;
            if (in.readInt() == 4) {
                int oldFirst = in.readInt();
                int oldLast = int4(in);
                int oldPurchases = int4(in);
                long oldCents = int8(in);
                int oldR = int4(in);
                int oldF = int4(in);
                int oldM = int4(in);
                Segment oldSegment = segmentNames.get(string(in, text));
                AbcClass oldClass = AbcClass.valueOf(string(in, text));
                BigDecimal oldRecent = decimal(in, text);
                BigDecimal oldPrevious = decimal(in, text);
                before = stored(customerId, oldFirst, oldLast, (int) Math.max(0, previousAsOfDay - oldLast),
                        oldPurchases, oldCents, oldR, oldF, oldM, oldSegment, oldClass, oldRecent, oldPrevious);
                if (after == null) {
                    changed.gone(customerId);
                } else if (oldFirst != first || oldLast != last || oldPurchases != purchases || oldCents != cents
                        || oldR != r || oldF != f || oldM != m || oldSegment != after.score().segment()
                        || oldClass != abc || oldRecent.compareTo(recent) != 0 || oldPrevious.compareTo(previous) != 0) {
                    changed.row(customerId, first, last, purchases, cents, r, f, m, after.score().segment(), abc,
                            recent, previous);
                }
            } else {
                skip(in, 10);
                if (after != null) {
                    changed.row(customerId, first, last, purchases, cents, r, f, m, after.score().segment(), abc,
                            recent, previous);
                }
            }
            each.accept(new Transition(customerId, before, after, signals(in)));
        }
        if (rows != n) {
            // the totals changed between the passes: impossible under the exclusive lock, so a broken assumption
            throw new IllegalStateException("population of " + n + " but " + rows + " rows");
        }
        return rows;
    }

    private static StoredScore stored(UUID customerId, int firstDay, int lastDay, int recencyDays, int purchases,
            long cents, int r, int f, int m, Segment segment, AbcClass abc, BigDecimal recent, BigDecimal previous) {
        RfmValues values = new RfmValues(date(firstDay), date(lastDay), recencyDays, purchases,
                BigDecimal.valueOf(cents, 2));
        return new StoredScore(new CustomerScore(customerId, values, r, f, m, segment, abc),
                new SpendTrend(recent, previous));
    }

    /** The signal columns of a pass row (none when the customer has no signals row). */
    private static CustomerSignals signals(DataInputStream in) throws IOException {
        in.readInt();
        boolean present = in.readByte() != 0;
        if (!present) {
            skip(in, 7);
            return CustomerSignals.NONE;
        }
        Integer nps = nullableInt4(in);
        Integer csat = nullableInt4(in);
        int open = int4(in);
        int breached = int4(in);
        Instant activity = null;
        if (in.readInt() == 8) {
            long micros = in.readLong();
            activity = Instant.ofEpochSecond(PG_EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
        }
        long expired = int8(in);
        in.readInt();
        boolean member = in.readByte() != 0;
        return new CustomerSignals(nps, csat, open, breached, activity, expired, member);
    }

    private static LocalDate date(int pgDay) {
        return LocalDate.ofEpochDay(pgDay + (long) PG_EPOCH_DAY);
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        if (in.readInt() != 16) {
            throw new IOException("uuid field expected");
        }
        return new UUID(in.readLong(), in.readLong());
    }

    private static Integer nullableInt4(DataInputStream in) throws IOException {
        int size = in.readInt();
        return size == -1 ? null : in.readInt();
    }

    private static String string(DataInputStream in, byte[] buffer) throws IOException {
        int size = in.readInt();
        in.readFully(buffer, 0, size);
        return new String(buffer, 0, size, StandardCharsets.UTF_8);
    }

    /** A numeric sent as text (exact, whatever its scale). */
    private static BigDecimal decimal(DataInputStream in, byte[] buffer) throws IOException {
        return new BigDecimal(string(in, buffer));
    }

    private static void skip(DataInputStream in, int fields) throws IOException {
        for (int i = 0; i < fields; i++) {
            int size = in.readInt();
            if (size > 0) {
                in.skipNBytes(size);
            }
        }
    }

    /** The smallest whole number of cents not below {@code share} × {@code totalCents}. */
    private static long ceil(BigDecimal share, long totalCents) {
        return share.multiply(BigDecimal.valueOf(totalCents)).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String instant(Instant at) {
        return "'" + at + "'::timestamptz";
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
}
