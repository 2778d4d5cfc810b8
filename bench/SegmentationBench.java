import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.kernel.TimeOrderedIds;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * segmentation-service's full recompute against DuckDB on the same purchases (not a test; run by
 * bench/segmentation-bench.sh, which starts PostgreSQL, Kafka and the service on ports of their own).
 *
 * 1. Generates CUSTOMERS customers and PURCHASES purchases from a fixed seed (reproducible): each purchase's
 *    customer drawn with a skew (some customers buy often, many rarely, some never), totals log-normal in
 *    pence (0.5 % are 0.00 and do not count), times uniform over the two years before AS_OF. Purchase and
 *    event ids are time-ordered (rapport-kernel's TimeOrderedIds), as customer-service makes them.
 * 2. Bench-only loader: COPYs them straight into the service's own tables (seg_customer, seg_purchase), as the
 *    purchase-recorded consumer would store them, fills seg_customer_totals from them (what the consumer keeps
 *    per event) and appends the same rows to a DuckDB table (in memory).
 * 3. Times the full recompute (POST /segments/recompute, job polled until succeeded) with the service's RSS
 *    sampled from /proc every 100 ms; then DuckDB computing the same R, F, M, scores and ABC class from the raw
 *    purchases (CREATE TABLE ... AS, the same definitions); checks both agree (n, T, the (r,f,m,class) counts).
 * 4. The event path while the relay still publishes the first recompute's change events: EVENTS purchase-recorded
 *    events for random existing customers through Kafka (dated the day before AS_OF and appended to DuckDB too);
 *    per-event update time from the consumer's processed_at (the start of each event's transaction): with a
 *    backlog the single consumer thread starts the next transaction as soon as the last one committed, so the
 *    gap between consecutive starts is a transaction's time; the events of a poll share one transaction (batch
 *    mode), and each counts its share of that time. Transactions and their sizes are reported too.
 * 5. Optional second recompute (asOf + 1 day: the nightly run where few customers change), compared again.
 * 6. The event path again once the relay has drained, and once more when the outbox's published rows have
 *    been vacuumed (the steady state: until then the relay's scans and autovacuum still work through them).
 *
 *   java -cp "platform/devstack/target/lib/*:DUCKDB_JAR:KERNEL_JAR" bench/SegmentationBench.java \
 *       PG_URL KAFKA HTTP_BASE SERVICE_PID CUSTOMERS PURCHASES EVENTS
 */
public class SegmentationBench {

    static final long SEED = 20261201L;
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    static final long SPAN_SECONDS = 2L * 365 * 86_400;

    public static void main(String[] args) throws Exception {
        String pgUrl = args[0];
        String kafka = args[1];
        String http = args[2];
        long pid = Long.parseLong(args[3]);
        int customers = Integer.parseInt(args[4]);
        long purchases = Long.parseLong(args[5]);
        int events = Integer.parseInt(args[6]);
        boolean second = !"0".equals(System.getenv().getOrDefault("SECOND", "1"));

        UUID[] ids = new UUID[customers];
        SplittableRandom ids0 = new SplittableRandom(SEED ^ 0x5eedL);
        for (int i = 0; i < customers; i++) {
            ids[i] = new UUID(ids0.nextLong(), ids0.nextLong());
        }
        Properties pgProps = new Properties();
        pgProps.setProperty("user", "rapport");
        pgProps.setProperty("password", "rapport");
        Process held = hold(null, false);
        try (Connection pg = DriverManager.getConnection(pgUrl, pgProps);
                Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            load(pg, (DuckDBConnection) duck, ids, purchases);

            held = hold(held, true);
            log("recompute 1 (every customer new to the run)");
            Map<String, Object> first = recompute(pg, http, pid, AS_OF);
            log("recompute 1: " + first);
            Map<String, Object> duckFirst = duck(duck, AS_OF);
            log("duckdb 1: " + duckFirst);
            compare(pg, duck);
            log(String.format("RATIO recompute/duckdb = %.2f", ((Number) first.get("seconds")).doubleValue()
                    / ((Number) duckFirst.get("seconds")).doubleValue()));
            if (events > 0) {
                // the first recompute's change events are still being published: the per-event times with that
                // backlog competing, reported apart from the steady state below
                eventPath(pg, duck, kafka, ids, events, "WITH RELAY BACKLOG", 1);
            }
            held = hold(held, false);
            long relayMinutes = Long.parseLong(System.getenv().getOrDefault("RELAY_WAIT_MINUTES", "15"));
            waitRelay(pg, Duration.ofMinutes(relayMinutes));
            if (second) {
                held = hold(held, true);
                log("recompute 2 (asOf + 1 day)");
                Map<String, Object> next = recompute(pg, http, pid, AS_OF.plusDays(1));
                log("recompute 2: " + next);
                Map<String, Object> duckNext = duck(duck, AS_OF.plusDays(1));
                log("duckdb 2: " + duckNext);
                compare(pg, duck);
                log(String.format("RATIO2 recompute/duckdb = %.2f", ((Number) next.get("seconds")).doubleValue()
                        / ((Number) duckNext.get("seconds")).doubleValue()));
                held = hold(held, false);
                waitRelay(pg, Duration.ofMinutes(relayMinutes));
            }
            if (events > 0) {
                held = hold(held, true);
                eventPath(pg, null, kafka, ids, events, "RELAY DRAINED", 2);
                // right after a recompute's burst the relay's scans and autovacuum still work through the
                // published rows; the steady state is once the outbox has been vacuumed
                held = hold(held, false);
                waitOutboxVacuumed(pg, Duration.ofMinutes(relayMinutes));
                held = hold(held, true);
                eventPath(pg, null, kafka, ids, events, "OUTBOX VACUUMED", 3);
            }
        } finally {
            release(held);
        }
    }

    /** One stream of rows from the seed, into PostgreSQL by COPY and into DuckDB by its appender. */
    static void load(Connection pg, DuckDBConnection duck, UUID[] ids, long purchases) throws Exception {
        long started = System.nanoTime();
        try (Statement st = duck.createStatement()) {
            // times as UTC wall-clock TIMESTAMPs: the business zone is UTC, so days need no time zone support
            st.execute("CREATE TABLE purchase (customer_id UUID, total DECIMAL(18,2), occurred_at TIMESTAMP)");
        }
        pg.setAutoCommit(true);
        try (Statement st = pg.createStatement()) {
            st.execute("SET synchronous_commit = off");
        }
        CopyIn customersIn = pg.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY seg_customer (customer_id) FROM STDIN");
        StringBuilder b = new StringBuilder(1 << 20);
        for (UUID id : ids) {
            b.append(id).append('\n');
            if (b.length() > (1 << 20) - 200) {
                flush(customersIn, b);
            }
        }
        flush(customersIn, b);
        customersIn.endCopy();
        log("loaded " + ids.length + " customers");

        SplittableRandom random = new SplittableRandom(SEED);
        long end = AS_OF.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long counted = 0;
        final int chunk = 1_000_000;
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "purchase")) {
            for (long from = 0; from < purchases; from += chunk) {
                long to = Math.min(purchases, from + chunk);
                CopyIn in = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY seg_purchase (purchase_id, customer_id, total, currency, occurred_at) FROM STDIN");
                for (long i = from; i < to; i++) {
                    // skewed: u^2 puts more purchases on the low indexes; ~ some customers get none
                    double u = random.nextDouble();
                    int c = (int) (ids.length * u * u);
                    UUID customer = ids[c];
                    // time-ordered, as customer-service's purchase ids are
                    UUID purchase = TimeOrderedIds.next();
                    long pence = random.nextInt(200) == 0 ? 0
                            : Math.max(1, Math.round(Math.exp(7.5 + 1.1 * random.nextGaussian()) / 3));
                    long at = end - 1 - random.nextLong(SPAN_SECONDS);
                    String total = BigDecimal.valueOf(pence, 2).toPlainString();
                    Instant time = Instant.ofEpochSecond(at);
                    b.append(purchase).append('\t').append(customer).append('\t').append(total).append("\tGBP\t")
                            .append(time).append('\n');
                    if (b.length() > (1 << 20) - 300) {
                        flush(in, b);
                    }
                    appender.beginRow();
                    appender.append(customer);
                    appender.append(BigDecimal.valueOf(pence, 2));
                    appender.append(java.time.LocalDateTime.ofInstant(time, ZoneOffset.UTC));
                    appender.endRow();
                    counted++;
                }
                flush(in, b);
                in.endCopy();
                log("loaded " + to + " purchases");
            }
        }
        try (Statement st = pg.createStatement()) {
            // the customers' lifetime totals, which the purchase consumer keeps row by row in the service
            long totalsStarted = System.nanoTime();
            st.execute("""
                    INSERT INTO seg_customer_totals (customer_id, first_at, last_at, purchases, monetary)
                    SELECT customer_id, min(occurred_at), max(occurred_at), count(*), sum(total)
                    FROM seg_purchase WHERE total > 0 GROUP BY customer_id""");
            log(String.format("loaded seg_customer_totals in %.1f s (bench loader; the consumer keeps them per event)",
                    (System.nanoTime() - totalsStarted) / 1e9));
            st.execute("VACUUM ANALYZE seg_customer_totals");
            st.execute("VACUUM ANALYZE seg_purchase");
            st.execute("VACUUM ANALYZE seg_customer");
        }
        log(String.format("LOAD %d purchases in %.1f s (PostgreSQL COPY + DuckDB appender, one stream)", counted,
                (System.nanoTime() - started) / 1e9));
    }

    static void flush(CopyIn in, StringBuilder b) throws Exception {
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        b.setLength(0);
    }

    static Map<String, Object> recompute(Connection pg, String http, long pid, LocalDate asOf) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long rssBefore = rssKb(pid);
        long started = System.nanoTime();
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(http + "/segments/recompute"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":\"" + asOf + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("recompute: " + posted.statusCode() + " " + posted.body());
        }
        String job = field(posted.body(), "id");
        long peakRss = rssBefore;
        String phase = "";
        Map<String, Double> phases = new java.util.LinkedHashMap<>();
        while (true) {
            peakRss = Math.max(peakRss, rssKb(pid));
            String body = client.send(HttpRequest.newBuilder(URI.create(http + "/segments/jobs/" + job)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String now = field(body, "phase");
            if (!now.equals(phase)) {
                phases.put(now, (System.nanoTime() - started) / 1e9);
                phase = now;
            }
            String status = field(body, "status");
            if ("succeeded".equals(status)) {
                break;
            }
            if ("failed".equals(status)) {
                throw new IllegalStateException("recompute failed: " + body);
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long outbox = scalar(pg, "SELECT count(*) FROM rapport_outbox WHERE created_at > now() - interval '1 hour'");
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("seconds", seconds);
        result.put("phasesStartedAt", phases);
        result.put("rssBeforeMB", rssBefore / 1024);
        result.put("rssPeakMB", peakRss / 1024);
        result.put("n", scalar(pg, "SELECT r.customers FROM seg_run r JOIN seg_current_run c USING (run_id)"));
        result.put("outboxRowsLastHour", outbox);
        return result;
    }

    static String duckSql(LocalDate asOf) {
        String segment = """
                CASE WHEN r = 5 AND f >= 4 THEN 'champions' WHEN r IN (3, 4) AND f >= 4 THEN 'loyal_customers'
                WHEN r >= 4 AND f IN (2, 3) THEN 'potential_loyalist' WHEN r = 5 AND f = 1 THEN 'new_customers'
                WHEN r = 4 AND f = 1 THEN 'promising' WHEN r = 3 AND f = 3 THEN 'need_attention'
                WHEN r = 3 AND f <= 2 THEN 'about_to_sleep' WHEN r <= 2 AND f IN (3, 4) THEN 'at_risk'
                WHEN r <= 2 AND f = 5 THEN 'cant_lose_them' WHEN r = 2 THEN 'hibernating' ELSE 'lost' END""";
        return """
                CREATE OR REPLACE TABLE score AS
                WITH agg AS (
                  SELECT customer_id, max(occurred_at) AS last_at, count(*) AS frequency,
                         round(sum(total), 2) AS monetary
                  FROM purchase WHERE total > 0 AND occurred_at < TIMESTAMP '%s 00:00:00'
                  GROUP BY customer_id
                ), ranked AS (
                  SELECT customer_id, frequency, monetary, DATE '%s' - CAST(last_at AS DATE) AS recency_days,
                         count(*) OVER () AS n,
                         rank() OVER (ORDER BY CAST(last_at AS DATE)) - 1 AS worse_r,
                         rank() OVER (ORDER BY frequency) - 1 AS fewer_f,
                         rank() OVER (ORDER BY monetary) - 1 AS smaller_m,
                         sum(monetary) OVER (ORDER BY monetary DESC) - sum(monetary) OVER (PARTITION BY monetary)
                           AS above,
                         sum(monetary) OVER () AS total
                  FROM agg
                ), scored AS (
                  SELECT *, (5 * worse_r) // n + 1 AS r, (5 * fewer_f) // n + 1 AS f, (5 * smaller_m) // n + 1 AS m
                  FROM ranked
                )
                SELECT customer_id, recency_days, frequency, monetary, r, f, m, %s AS segment,
                       CASE WHEN above < 0.80 * total THEN 'A' WHEN above < 0.95 * total THEN 'B' ELSE 'C' END AS abc_class
                FROM scored
                """.formatted(asOf, asOf, segment);
    }

    static Map<String, Object> duck(Connection duck, LocalDate asOf) throws Exception {
        try (Statement st = duck.createStatement()) {
            long started = System.nanoTime();
            st.execute(duckSql(asOf));
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("seconds", seconds);
            try (ResultSet r = st.executeQuery("SELECT count(*), sum(monetary) FROM score")) {
                r.next();
                result.put("n", r.getLong(1));
                result.put("T", r.getBigDecimal(2));
            }
            try (ResultSet r = st.executeQuery("SELECT current_setting('threads')")) {
                r.next();
                result.put("threads", r.getString(1));
            }
            return result;
        }
    }

    /** n, T and the count of every (r, f, m, segment, class) of the service's current run equal DuckDB's. */
    static void compare(Connection pg, Connection duck) throws Exception {
        String group = "SELECT r || ',' || f || ',' || m || ',' || segment || ',' || abc_class AS k, count(*) AS c, "
                + "sum(monetary) AS t, sum(recency_days) AS d, sum(frequency) AS q FROM %s GROUP BY 1";
        Map<String, String> service = new HashMap<>();
        // the service keeps one row per customer and derives recency from the current run's asOf
        try (Statement st = pg.createStatement(); ResultSet r = st.executeQuery(group.formatted("""
                (SELECT s.*, greatest(0, r.as_of - s.last_purchase_date) AS recency_days FROM seg_score s
                 CROSS JOIN seg_current_run c JOIN seg_run r ON r.run_id = c.run_id) s"""))) {
            while (r.next()) {
                service.put(r.getString(1), r.getLong(2) + "/" + r.getBigDecimal(3).stripTrailingZeros().toPlainString()
                        + "/" + r.getLong(4) + "/" + r.getLong(5));
            }
        }
        Map<String, String> duckdb = new HashMap<>();
        try (Statement st = duck.createStatement(); ResultSet r = st.executeQuery(group.formatted("score"))) {
            while (r.next()) {
                duckdb.put(r.getString(1), r.getLong(2) + "/" + r.getBigDecimal(3).stripTrailingZeros().toPlainString()
                        + "/" + r.getLong(4) + "/" + r.getLong(5));
            }
        }
        log("AGREE " + service.equals(duckdb) + " (" + service.size() + " (r,f,m,segment,class) groups: count, "
                + "monetary, recency and frequency sums)");
        if (!service.equals(duckdb)) {
            List<String> keys = new ArrayList<>(service.keySet());
            keys.addAll(duckdb.keySet());
            keys.stream().distinct().sorted().filter(k -> !String.valueOf(service.get(k)).equals(duckdb.get(k)))
                    .limit(10).forEach(k -> log("  differs " + k + ": service " + service.get(k) + ", duckdb " + duckdb.get(k)));
        }
    }

    static void waitRelay(Connection pg, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        long started = System.nanoTime();
        long pending;
        while ((pending = scalar(pg, "SELECT count(*) FROM rapport_outbox WHERE published_at IS NULL")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        log(String.format("outbox relay: %d unpublished after %.0f s", pending, (System.nanoTime() - started) / 1e9));
    }

    /** Waits until the outbox's dead rows are below a tenth of its live rows and no vacuum is running. */
    static void waitOutboxVacuumed(Connection pg, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        long started = System.nanoTime();
        long dead;
        while (((dead = scalar(pg, "SELECT n_dead_tup - n_live_tup / 10 FROM pg_stat_user_tables "
                + "WHERE relname = 'rapport_outbox'")) > 0
                || scalar(pg, "SELECT count(*) FROM pg_stat_progress_vacuum") > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        log(String.format("outbox vacuumed after %.0f s (dead rows beyond a tenth of the live: %d)",
                (System.nanoTime() - started) / 1e9, Math.max(0, dead)));
    }

    /** EVENTS purchase-recorded events for random customers; per-event update times from processed_at gaps. */
    static void eventPath(Connection pg, Connection duck, String kafka, UUID[] ids, int events, String label,
            int round) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        String before = scalarText(pg, "SELECT clock_timestamp()::text");
        SplittableRandom random = new SplittableRandom(SEED + round);
        Instant now = Instant.now();
        // with DuckDB given, the purchases fall on the day before AS_OF (so the next-day recompute counts them
        // and both sides still compare) and are appended to DuckDB too
        Instant end = duck == null ? now : AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer());
                DuckDBAppender appender = duck == null ? null
                        : ((DuckDBConnection) duck).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "purchase")) {
            for (int i = 0; i < events; i++) {
                UUID customer = ids[random.nextInt(ids.length)];
                // time-ordered, as customer-service's purchase ids and event ids are
                UUID purchase = TimeOrderedIds.next();
                BigDecimal total = BigDecimal.valueOf(10 + random.nextInt(9000), 2);
                Instant at = end.minusSeconds(1 + random.nextInt(86_399));
                if (appender != null) {
                    appender.beginRow();
                    appender.append(customer);
                    appender.append(total);
                    appender.append(java.time.LocalDateTime.ofInstant(at, ZoneOffset.UTC));
                    appender.endRow();
                }
                String data = "{\"customerId\":\"" + customer + "\",\"purchaseId\":\"" + purchase + "\",\"orderId\":\"B-"
                        + round + "-" + i + "\",\"total\":\"" + total.toPlainString() + "\",\"currency\":\"GBP\","
                        + "\"occurredAt\":\"" + at + "\",\"lineCount\":1}";
                String event = "{\"specversion\":\"1.0\",\"id\":\"" + TimeOrderedIds.next() + "\",\"source\":\"/rapport/customer-service\","
                        + "\"type\":\"rapport.customer.purchase-recorded.v1\",\"subject\":\"" + customer + "\","
                        + "\"time\":\"" + now + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
                producer.send(new ProducerRecord<>("rapport.customer.events", customer.toString(),
                        event.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        log("EVENTS " + events + " purchase-recorded events produced (" + label + ")");
        long[] cpuBefore = cpuTicks();
        long[] blocksBefore = blocks(pg);
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        long done;
        while ((done = scalar(pg, "SELECT count(*) FROM rapport_processed_event WHERE processed_at > '" + before + "'"))
                < events && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        long[] cpuAfter = cpuTicks();
        // The events of one transaction share its processed_at (its start): each transaction's time is the gap to
        // the next start, and each of its n events counts that time / n (with one event per transaction, the gap).
        List<Double> perEvent = new ArrayList<>();
        List<Double> perTransaction = new ArrayList<>();
        try (Statement st = pg.createStatement(); ResultSet r = st.executeQuery("""
                SELECT extract(epoch FROM lead(processed_at) OVER (ORDER BY processed_at) - processed_at) * 1000, n
                FROM (SELECT processed_at, count(*) AS n FROM rapport_processed_event WHERE processed_at > '%s'
                      GROUP BY processed_at) t""".formatted(before))) {
            while (r.next()) {
                double gap = r.getDouble(1);
                if (!r.wasNull()) {
                    int n = r.getInt(2);
                    perTransaction.add(gap);
                    for (int i = 0; i < n; i++) {
                        perEvent.add(gap / n);
                    }
                }
            }
        }
        double[] sorted = perEvent.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] transactions = perTransaction.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double span = Arrays.stream(transactions).sum();
        log(String.format("EVENT PATH " + label + ": %d of %d processed; per-event update (its transaction's time, from "
                + "one start to the next, shared by its events) p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; "
                + "%.0f events/s; %d transactions (%.1f events each), p50 %.2f ms, p99 %.2f ms", done, events,
                pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[sorted.length - 1],
                sorted.length / (span / 1000), transactions.length, sorted.length / (double) transactions.length,
                pct(transactions, 0.50), pct(transactions, 0.99)));
        log("EVENT PATH " + label + ": machine meanwhile " + cpuShares(cpuBefore, cpuAfter));
        Thread.sleep(1500); // backends report their block counts to the statistics within a second
        long[] blocksAfter = blocks(pg);
        log(String.format("EVENT PATH %s: the database meanwhile %.1f blocks read (not in shared buffers), %.1f hit, "
                + "per event", label, (blocksAfter[0] - blocksBefore[0]) / (double) events,
                (blocksAfter[1] - blocksBefore[1]) / (double) events));
    }

    /**
     * The machine's CPU time from /proc/stat (user, nice, system, idle, iowait, irq, softirq, steal), or null
     * elsewhere. Steal is time the hypervisor gave this VM's cores to others: on a shared host it is what
     * moves the per-event tail most from one run to the next, so every event path reports it.
     */
    /** Blocks read and found in shared buffers in the service's database so far (every backend). */
    static long[] blocks(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement(); ResultSet r = st.executeQuery(
                "SELECT blks_read, blks_hit FROM pg_stat_database WHERE datname = current_database()")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = new long[8];
            for (int i = 0; i < 8; i++) {
                ticks[i] = Long.parseLong(f[i + 1]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String cpuShares(long[] before, long[] after) {
        if (before == null || after == null) {
            return "(no /proc/stat)";
        }
        long total = 0;
        long[] d = new long[8];
        for (int i = 0; i < 8; i++) {
            d[i] = after[i] - before[i];
            total += d[i];
        }
        if (total == 0) {
            return "(no ticks)";
        }
        return String.format("busy %.0f %%, idle %.0f %%, iowait %.0f %%, steal %.1f %%",
                100.0 * (d[0] + d[1] + d[2] + d[5] + d[6]) / total, 100.0 * d[3] / total, 100.0 * d[4] / total,
                100.0 * d[7] / total);
    }

    /**
     * With QUIET_LOCK (and GATE_LOCK) set, the bench takes the machine's quiet lock itself: shared while it
     * loads and waits for the relay, exclusive (through the gate) while it measures, so a run longer than one
     * hold splits into holds. A hold is a child {@code flock} that keeps the lock until its stdin closes.
     */
    static Process hold(Process held, boolean exclusive) throws Exception {
        release(held);
        String quiet = System.getenv("QUIET_LOCK");
        if (quiet == null || quiet.isBlank()) {
            return null;
        }
        String gate = System.getenv().getOrDefault("GATE_LOCK", "");
        String holdCmd = "flock " + (exclusive ? "-x " : "-s ") + quiet + " sh -c 'echo LOCKED; exec cat >/dev/null'";
        String cmd = gate.isBlank() ? holdCmd
                : exclusive ? "exec flock " + gate + " " + holdCmd : "flock " + gate + " true; exec " + holdCmd;
        Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
        byte[] line = new byte[7];
        long started = System.nanoTime();
        if (p.getInputStream().readNBytes(line, 0, 7) != 7 || !"LOCKED\n".equals(new String(line))) {
            throw new IllegalStateException("could not take the quiet lock");
        }
        log(String.format("LOCK %s held after %.0f s wait, load: %s", exclusive ? "exclusive" : "shared",
                (System.nanoTime() - started) / 1e9, Files.readString(Path.of("/proc/loadavg")).trim()));
        return p;
    }

    static void release(Process held) throws Exception {
        if (held != null) {
            log("LOCK released, load: " + Files.readString(Path.of("/proc/loadavg")).trim());
            held.getOutputStream().close();
            held.waitFor();
        }
    }

    static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static long scalar(Connection pg, String sql) throws Exception {
        try (Statement st = pg.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String scalarText(Connection pg, String sql) throws Exception {
        try (Statement st = pg.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    static void log(String line) {
        System.out.println(Instant.now().toString().substring(11, 19) + " " + line);
        System.out.flush();
    }
}
