package dev.rapport.segmentation.adapter.out.persistence.recompute;

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
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
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
    static Population population(CopyInput in) throws IOException {
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
     * joined. The spend windows as of asOf are derived only for the customers whose stored windows (exact as of
     * {@code previousAsOf}: a re-score or a recompute wrote them) can differ; everyone else's stored windows are
     * the new ones (sent as null: the stored ones, or none). When asOf is at most one window after previousAsOf,
     * a customer with a purchase in a span that left a window gets its stored windows less what left them and
     * plus what entered the earlier one; one with a purchase on or after previousAsOf (whose stored recent
     * window may hold it) and one without a stored row are aggregated again from the purchases of the two
     * windows, as everyone is after a longer gap. A new day thus reads a few days of purchases, not two windows
     * of them.
     */
    static String passSql(LocalDate previousAsOf, LocalDate asOf, ZoneId zone, int spendWindowDays) {
        String z = literal(zone.getId());
        Instant start = asOf.atStartOfDay(zone).toInstant();
        Instant recent = asOf.minusDays(spendWindowDays).atStartOfDay(zone).toInstant();
        Instant previous = asOf.minusDays(2L * spendWindowDays).atStartOfDay(zone).toInstant();
        String sums = """
                coalesce(sum(p.total) FILTER (WHERE p.occurred_at >= %s), 0) AS recent,
                coalesce(sum(p.total) FILTER (WHERE p.occurred_at < %s), 0) AS previous""".formatted(instant(recent),
                instant(recent));
        String inWindows = "p.total > 0 AND p.occurred_at >= %s AND p.occurred_at < %s".formatted(instant(previous),
                instant(start));
        String aggregated = """
                SELECT m.customer_id, %s
                FROM (%%s) m LEFT JOIN seg_purchase p ON p.customer_id = m.customer_id AND %s
                GROUP BY m.customer_id""".formatted(sums, inWindows);
        long days = previousAsOf.until(asOf, java.time.temporal.ChronoUnit.DAYS);
        String windows;
        if (days >= 0 && days <= spendWindowDays) {
            Instant was = previousAsOf.atStartOfDay(zone).toInstant();
            Instant wasRecent = previousAsOf.minusDays(spendWindowDays).atStartOfDay(zone).toInstant();
            Instant wasPrevious = previousAsOf.minusDays(2L * spendWindowDays).atStartOfDay(zone).toInstant();
            // the stored windows moved by the purchases of the days that left them (those that left the recent
            // window entered the previous one): read through the time index, not aggregated again over both
            // windows; today's buyers (stored windows that may hold purchases on or
            // after the previous asOf) aggregated again one at a time through the (customer, time) index
            String leftPrevious = "d.occurred_at >= %s AND d.occurred_at < %s".formatted(instant(wasPrevious),
                    instant(previous));
            String leftRecent = "d.occurred_at >= %s AND d.occurred_at < %s".formatted(instant(wasRecent),
                    instant(recent));
            windows = """
                    SELECT d.customer_id,
                           o.recent_spend - coalesce(sum(d.total) FILTER (WHERE %s), 0) AS recent,
                           o.previous_spend - coalesce(sum(d.total) FILTER (WHERE %s), 0)
                             + coalesce(sum(d.total) FILTER (WHERE %s), 0) AS previous
                    FROM seg_purchase d JOIN seg_score o ON o.customer_id = d.customer_id
                    WHERE d.total > 0 AND (%s OR %s)
                      AND NOT EXISTS (SELECT 1 FROM seg_purchase b WHERE b.customer_id = d.customer_id AND b.total > 0
                                      AND b.occurred_at >= %s)
                    GROUP BY d.customer_id, o.recent_spend, o.previous_spend
                    UNION ALL
                    SELECT m.customer_id, x.recent, x.previous
                    FROM (SELECT DISTINCT d.customer_id FROM seg_purchase d
                          WHERE d.total > 0 AND d.occurred_at >= %s
                            AND EXISTS (SELECT 1 FROM seg_score o WHERE o.customer_id = d.customer_id)) m
                    CROSS JOIN LATERAL (SELECT %s FROM seg_purchase p WHERE p.customer_id = m.customer_id AND %s) x
                    UNION ALL
                    """.formatted(leftRecent, leftPrevious, leftRecent, leftPrevious, leftRecent, instant(was), instant(was), sums,
                    inWindows)
                    + aggregated.formatted("""
                            SELECT t.customer_id FROM seg_customer_totals t
                            WHERE NOT EXISTS (SELECT 1 FROM seg_score o WHERE o.customer_id = t.customer_id)""");
        } else {
            windows = aggregated.formatted("SELECT customer_id FROM seg_customer_totals");
        }
        return """
                COPY (
                  SELECT coalesce(t.customer_id, o.customer_id, g.customer_id),
                         (t.first_at AT TIME ZONE %s)::date, (t.last_at AT TIME ZONE %s)::date, t.purchases,
                         (round(t.monetary, 2) * 100)::int8,
                         w.recent::text, w.previous::text,
                         o.first_purchase_date, o.last_purchase_date, o.frequency, (o.monetary * 100)::int8,
                         o.r, o.f, o.m, o.segment, o.abc_class, o.recent_spend::text, o.previous_spend::text,
                         g.customer_id IS NOT NULL, g.last_nps::int4, g.last_csat::int4, g.open_complaints,
                         g.breached_complaints, g.last_loyalty_activity, g.points_expired, g.loyalty_member
                  FROM (%s) t
                  LEFT JOIN (%s) w ON w.customer_id = t.customer_id
                  FULL JOIN seg_score o ON o.customer_id = t.customer_id
                  FULL JOIN seg_signal g ON g.customer_id = coalesce(t.customer_id, o.customer_id)
                ) TO STDOUT (FORMAT binary)
                """.formatted(z, z, source(start), windows);
    }

    private static final int PASS_FIELDS = 26;
    private static final Field ZERO = Field.of("0");

    /**
     * Pass 2: every row of {@link #passSql}, scored on the way against the population. When its stored values
     * change it is written to {@code changed} (a new day alone changes no row: recency is derived), and it is
     * handed to {@code each} (its current row as of {@code previousAsOf}, its new one as of {@code asOf}, its
     * signals) when its row changes or the new day can move its insight ({@link CustomerInsight#dayCanMove}):
     * everyone else's insight is provably the same on both days. The rows are compared in primitives and raw
     * bytes; objects are built only for the customers handed on, as most customers of a nightly run are neither.
     * @return the new population's customers
     */
    static int pass(CopyInput in, Population population, LocalDate previousAsOf, LocalDate asOf, ZoneId zone,
            LifecyclePolicy lifecycle, ChangedRows changed, Consumer<Transition> each, IntConsumer progress)
            throws IOException, SQLException {
        int n = population.n();
        long total = population.totalCents();
        long aCut = ceil(AbcClass.A_LIMIT, total);
        long bCut = ceil(AbcClass.B_LIMIT, total);
        Segment[] segments = new Segment[26];
        byte[][] segmentWires = new byte[26][];
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                segments[r * 5 + f - 5] = Segment.of(r, f);
                segmentWires[r * 5 + f - 5] = WireNames.of(Segment.of(r, f)).getBytes(StandardCharsets.UTF_8);
            }
        }
        Map<String, Segment> segmentNames = new HashMap<>();
        for (Segment s : Segment.values()) {
            segmentNames.put(WireNames.of(s), s);
        }
        AbcClass[] classes = AbcClass.values();
        byte[][] classNames = new byte[classes.length][];
        for (AbcClass c : classes) {
            classNames[c.ordinal()] = c.name().getBytes(StandardCharsets.UTF_8);
        }
        long previousAsOfDay = previousAsOf.toEpochDay() - PG_EPOCH_DAY;
        long asOfDay = asOf.toEpochDay() - PG_EPOCH_DAY;
        Field recent = new Field();
        Field previous = new Field();
        Field oldSegment = new Field();
        Field oldClass = new Field();
        Field oldRecent = new Field();
        Field oldPrevious = new Field();
        int rows = 0;
        int step = Math.max(1, n / 20);
        while (nextRow(in, PASS_FIELDS)) {
            if (in.readInt() != 16) {
                throw new IOException("uuid field expected");
            }
            long idHigh = in.readLong();
            long idLow = in.readLong();
            boolean scored = in.readInt() == 4;
            int first = 0;
            int last = 0;
            int purchases = 0;
            long cents = 0;
            int r = 0;
            int f = 0;
            int m = 0;
            int abc = 0;
            if (scored) {
                first = in.readInt();
                last = int4(in);
                purchases = int4(in);
                cents = int8(in);
                recent.read(in);
                previous.read(in);
                r = Scores.score(SortedRanks.lowerBound(population.lastDays(), last), n);
                f = Scores.score(SortedRanks.lowerBound(population.purchases(), purchases), n);
                m = Scores.score(SortedRanks.lowerBound(population.cents(), cents), n);
                long above = total - population.centsPrefix()[SortedRanks.upperBound(population.cents(), cents)];
                abc = above < aCut ? 0 : above < bCut ? 1 : 2;
                if (++rows % step == 0) {
                    progress.accept((int) (100L * rows / n));
                }
            } else {
                skip(in, 5);
            }
            boolean stored = in.readInt() == 4;
            int oldFirst = 0;
            int oldLast = 0;
            int oldPurchases = 0;
            long oldCents = 0;
            int oldR = 0;
            int oldF = 0;
            int oldM = 0;
            if (stored) {
                oldFirst = in.readInt();
                oldLast = int4(in);
                oldPurchases = int4(in);
                oldCents = int8(in);
                oldR = int4(in);
                oldF = int4(in);
                oldM = int4(in);
                oldSegment.read(in);
                oldClass.read(in);
                oldRecent.read(in);
                oldPrevious.read(in);
            } else {
                skip(in, 10);
            }
            if (scored && recent.isNull()) {
                // windows not aggregated again: the stored ones (a customer without a row has none)
                recent.set(stored ? oldRecent : ZERO);
                previous.set(stored ? oldPrevious : ZERO);
            }
            in.readInt();
            boolean signalled = in.readByte() != 0;
            int nps = -1;
            int csat = -1;
            int open = 0;
            int breached = 0;
            long activityMicros = 0;
            boolean activity = false;
            long expired = 0;
            boolean member = false;
            if (signalled) {
                if (in.readInt() == 4) {
                    nps = in.readInt();
                }
                if (in.readInt() == 4) {
                    csat = in.readInt();
                }
                open = int4(in);
                breached = int4(in);
                if (in.readInt() == 8) {
                    activity = true;
                    activityMicros = in.readLong();
                }
                expired = int8(in);
                in.readInt();
                member = in.readByte() != 0;
            } else {
                skip(in, 7);
            }
            int segment = r * 5 + f - 5;
            boolean rowChanged = scored != stored || scored && (oldFirst != first || oldLast != last
                    || oldPurchases != purchases || oldCents != cents || oldR != r || oldF != f || oldM != m
                    || !oldSegment.is(segmentWires[segment]) || !oldClass.is(classNames[abc])
                    || !oldRecent.sameAmount(recent) || !oldPrevious.sameAmount(previous));
            UUID customerId = null;
            if (rowChanged) {
                customerId = new UUID(idHigh, idLow);
                if (scored) {
                    changed.row(customerId, first, last, purchases, cents, r, f, m, segments[segment], classes[abc],
                            recent.decimal(), previous.decimal());
                } else {
                    changed.gone(customerId);
                }
            }
            Instant activityAt = activity ? Instant.ofEpochSecond(PG_EPOCH_SECOND
                    + Math.floorDiv(activityMicros, 1_000_000L), Math.floorMod(activityMicros, 1_000_000L) * 1_000L)
                    : null;
            if (!rowChanged && !CustomerInsight.dayCanMove(scored, first, last, purchases, member, activity,
                    activity ? LocalDate.ofInstant(activityAt, zone).toEpochDay() - PG_EPOCH_DAY : 0,
                    previousAsOfDay, asOfDay, lifecycle)) {
                continue;
            }
            if (customerId == null) {
                customerId = new UUID(idHigh, idLow);
            }
            StoredScore after = scored ? stored(customerId, first, last, (int) Math.max(0, asOfDay - last), purchases,
                    cents, r, f, m, segments[segment], classes[abc], recent.decimal(), previous.decimal()) : null;
            StoredScore before = stored ? stored(customerId, oldFirst, oldLast,
                    (int) Math.max(0, previousAsOfDay - oldLast), oldPurchases, oldCents, oldR, oldF, oldM,
                    segmentNames.get(oldSegment.text()), AbcClass.valueOf(oldClass.text()), oldRecent.decimal(),
                    oldPrevious.decimal()) : null;
            CustomerSignals signals = signalled ? new CustomerSignals(nps < 0 ? null : nps, csat < 0 ? null : csat,
                    open, breached, activityAt, expired, member) : CustomerSignals.NONE;
            each.accept(new Transition(customerId, before, after, signals));
        }
        if (rows != n) {
            // the totals changed between the passes: impossible under the exclusive lock, so a broken assumption
            throw new IllegalStateException("population of " + n + " but " + rows + " rows");
        }
        return rows;
    }

    /** A text field's raw bytes, read into a buffer kept from row to row. */
    private static final class Field {

        private byte[] bytes = new byte[64];
        private int length;

        /** Reads the field (length −1: null). */
        void read(CopyInput in) throws IOException {
            length = in.readInt();
            if (length > bytes.length) {
                bytes = new byte[length];
            }
            if (length > 0) {
                in.readFully(bytes, 0, length);
            }
        }

        boolean isNull() {
            return length < 0;
        }

        void set(Field other) {
            if (other.length > bytes.length) {
                bytes = new byte[other.length];
            }
            System.arraycopy(other.bytes, 0, bytes, 0, Math.max(0, other.length));
            length = other.length;
        }

        static Field of(String text) {
            Field field = new Field();
            field.bytes = text.getBytes(StandardCharsets.US_ASCII);
            field.length = field.bytes.length;
            return field;
        }

        boolean is(byte[] other) {
            return Arrays.equals(bytes, 0, length, other, 0, other.length);
        }

        /** Equal as numbers: the same text, or texts of equal value (2.5 and 2.50). */
        boolean sameAmount(Field other) {
            return Arrays.equals(bytes, 0, length, other.bytes, 0, other.length) || decimal().compareTo(other.decimal()) == 0;
        }

        String text() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        BigDecimal decimal() {
            return new BigDecimal(text());
        }
    }

    private static StoredScore stored(UUID customerId, int firstDay, int lastDay, int recencyDays, int purchases,
            long cents, int r, int f, int m, Segment segment, AbcClass abc, BigDecimal recent, BigDecimal previous) {
        RfmValues values = new RfmValues(date(firstDay), date(lastDay), recencyDays, purchases,
                BigDecimal.valueOf(cents, 2));
        return new StoredScore(new CustomerScore(customerId, values, r, f, m, segment, abc),
                new SpendTrend(recent, previous));
    }

    private static LocalDate date(int pgDay) {
        return LocalDate.ofEpochDay(pgDay + (long) PG_EPOCH_DAY);
    }

    private static void skip(CopyInput in, int fields) throws IOException {
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
    private static boolean nextRow(CopyInput in, int fields) throws IOException {
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

    private static int int4(CopyInput in) throws IOException {
        if (in.readInt() != 4) {
            throw new IOException("int4 field expected");
        }
        return in.readInt();
    }

    private static long int8(CopyInput in) throws IOException {
        if (in.readInt() != 8) {
            throw new IOException("int8 field expected");
        }
        return in.readLong();
    }
}
