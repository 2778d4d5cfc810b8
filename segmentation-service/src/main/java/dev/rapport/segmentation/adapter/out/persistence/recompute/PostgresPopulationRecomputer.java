package dev.rapport.segmentation.adapter.out.persistence.recompute;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.adapter.out.persistence.lifecycle.PostgresSignalRepository;
import dev.rapport.segmentation.application.port.out.recompute.PopulationRecomputer;
import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.lifecycle.SpendTrend;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.Segment;
import dev.rapport.segmentation.domain.score.StoredScore;

/**
 * The full recompute: a snapshot of the customers' totals scored in memory and written by COPY into a fresh
 * table ({@link TotalsScoring}), which is then indexed and attached as the run's partition of seg_score.
 * Readers see the previous run until the swap.
 */
@ApplicationScoped
public class PostgresPopulationRecomputer implements PopulationRecomputer {

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public PostgresPopulationRecomputer(DataSource dataSource, Jdbc jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public Built build(LocalDate asOf, ZoneId zone, int spendWindowDays, IntConsumer progress) {
        long runId = jdbc.one("SELECT nextval('seg_run_id_seq')", s -> { }, r -> r.getLong(1)).orElseThrow();
        String table = "seg_score_" + runId;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("DROP TABLE IF EXISTS " + table);
                st.execute("CREATE TABLE " + table + " (LIKE seg_score INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                progress.accept(5);
                // the snapshot: no incremental change is in flight while it is taken (they hold the lock shared)
                st.execute("SELECT pg_advisory_lock(" + Jdbc.RECOMPUTE_LOCK + ")");
                Instant snapshot;
                int customers;
                try {
                    c.setAutoCommit(false);
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                    try (ResultSet r = st.executeQuery("SELECT clock_timestamp()")) {
                        r.next();
                        snapshot = r.getTimestamp(1).toInstant();
                    }
                } finally {
                    try (Statement unlock = c.createStatement()) {
                        unlock.execute("SELECT pg_advisory_unlock(" + Jdbc.RECOMPUTE_LOCK + ")");
                    }
                }
                // the aggregate holds a state per customer: at a million it spills to disk below ~200 MB
                st.execute("SET LOCAL work_mem = '256MB'");
                TotalsScoring.Population population = TotalsScoring.population(c, asOf, zone);
                progress.accept(20);
                customers = writeFromTotals(c, table, runId, population, asOf, zone, spendWindowDays);
                c.commit();
                c.setAutoCommit(true);
                progress.accept(60);
                // rows COPYd with FREEZE are all-visible already: statistics are all the new table needs
                st.execute("ANALYZE " + table);
                st.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_run CHECK (run_id = " + runId + ")");
                // builds the parent's indexes on the new partition (sorts in memory up to this); reads and writes
                // of other runs go on
                st.execute("SET maintenance_work_mem = '256MB'");
                st.execute("ALTER TABLE seg_score ATTACH PARTITION " + table + " FOR VALUES IN (" + runId + ")");
                st.execute("RESET maintenance_work_mem");
                progress.accept(85);
                return new Built(runId, snapshot, customers);
            } catch (SQLException | IOException | RuntimeException e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new Jdbc.PersistenceException(e);
        } catch (IOException e) {
            throw new Jdbc.PersistenceException(new SQLException("COPY stream: " + e.getMessage(), e));
        }
    }

    /**
     * The new run's rows from the customers' totals (pass 2 of {@link TotalsScoring}) on a second connection,
     * in one transaction that truncates the table first (so the COPY may freeze its rows) and records the run.
     */
    private int writeFromTotals(Connection read, String table, long runId, TotalsScoring.Population population,
            LocalDate asOf, ZoneId zone, int spendWindowDays) throws SQLException, IOException {
        try (Connection w = dataSource.getConnection(); Statement st = w.createStatement()) {
            boolean autoCommit = w.getAutoCommit();
            w.setAutoCommit(false);
            try {
                st.execute("TRUNCATE " + table);
                int rows = TotalsScoring.write(read, w, table, runId, population, asOf, zone, spendWindowDays);
                try (PreparedStatement run = w.prepareStatement(
                        "INSERT INTO seg_run (run_id, as_of, zone, customers, total_monetary) VALUES (?, ?, ?, ?, ?)")) {
                    run.setLong(1, runId);
                    run.setObject(2, asOf);
                    run.setString(3, zone.getId());
                    run.setInt(4, rows);
                    run.setBigDecimal(5, BigDecimal.valueOf(population.totalCents(), 2));
                    run.executeUpdate();
                }
                w.commit();
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                w.rollback();
                throw e;
            } finally {
                w.setAutoCommit(autoCommit);
            }
        }
    }

    /** A run's row columns, in the order {@link #stored} reads them. */
    private static final String ROW = "customer_id, first_purchase_date, last_purchase_date, recency_days, frequency, "
            + "monetary, r, f, m, segment, abc_class, recent_spend, previous_spend";
    private static final int ROW_COLUMNS = 13;
    private static final int COMPARE_FETCH = 10_000;

    @Override
    public void compare(long previousRunId, long runId, Consumer<Transition> each) {
        // both partitions and the signals joined in one pass (hash joins), streamed through a cursor
        String sql = """
                SELECT coalesce(n.customer_id, o.customer_id, g.customer_id), %s, %s,
                       g.customer_id AS signal_customer, g.last_nps, g.last_csat, g.open_complaints,
                       g.breached_complaints, g.last_loyalty_activity, g.points_expired, g.loyalty_member
                FROM seg_score_%d o
                FULL JOIN seg_score_%d n ON n.customer_id = o.customer_id
                FULL JOIN seg_signal g ON g.customer_id = coalesce(n.customer_id, o.customer_id)
                """.formatted(prefixed("o"), prefixed("n"), previousRunId, runId);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            try (Statement st = c.createStatement()) {
                // the two hash tables of a million rows each stay in memory instead of spilling in batches
                st.execute("SET LOCAL work_mem = '256MB'");
            }
            s.setFetchSize(COMPARE_FETCH);
            // prepared at once: the rows then come in binary (uuids, dates, integers, numerics), not as text to parse
            s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID customerId = r.getObject(1, UUID.class);
                    StoredScore before = stored(r, 2);
                    StoredScore after = stored(r, 2 + ROW_COLUMNS);
                    CustomerSignals signals = r.getObject("signal_customer") == null ? CustomerSignals.NONE
                            : PostgresSignalRepository.signals(r);
                    each.accept(new Transition(customerId, before, after, signals));
                }
            }
        } catch (SQLException e) {
            throw new Jdbc.PersistenceException(e);
        }
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(ROW.split(", ")).map(column -> alias + "." + column)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The run row starting at column {@code at}, or null when the customer has none in that run. */
    private static StoredScore stored(ResultSet r, int at) throws SQLException {
        UUID customerId = r.getObject(at, UUID.class);
        if (customerId == null) {
            return null;
        }
        RfmValues values = new RfmValues(r.getObject(at + 1, LocalDate.class), r.getObject(at + 2, LocalDate.class),
                r.getInt(at + 3), r.getInt(at + 4), r.getBigDecimal(at + 5));
        CustomerScore score = new CustomerScore(customerId, values, r.getInt(at + 6), r.getInt(at + 7),
                r.getInt(at + 8), WireNames.parse(Segment.class, r.getString(at + 9)),
                AbcClass.valueOf(r.getString(at + 10)));
        return new StoredScore(score, new SpendTrend(r.getBigDecimal(at + 11), r.getBigDecimal(at + 12)));
    }

    @Override
    public void lockExclusively() {
        jdbc.one("SELECT pg_advisory_xact_lock(?)", s -> s.setLong(1, Jdbc.RECOMPUTE_LOCK), r -> 1);
    }

    @Override
    public long swap(long runId) {
        long previous = jdbc.one("SELECT run_id FROM seg_current_run FOR UPDATE", s -> { }, r -> r.getLong(1))
                .orElseThrow();
        jdbc.update("UPDATE seg_current_run SET run_id = ?", s -> s.setLong(1, runId));
        return previous;
    }

    @Override
    public void discardUnfinished() {
        java.util.List<Long> stale = jdbc.query("""
                SELECT substring(tablename from 11)::bigint FROM pg_tables
                WHERE schemaname = current_schema() AND tablename ~ '^seg_score_[0-9]+$'
                  AND substring(tablename from 11)::bigint <> (SELECT run_id FROM seg_current_run)
                """, s -> { }, r -> r.getLong(1));
        stale.forEach(this::drop);
        jdbc.update("DELETE FROM seg_run WHERE run_id <> (SELECT run_id FROM seg_current_run)", s -> { });
    }

    @Override
    public void drop(long runId) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS seg_score_" + runId);
            st.execute("DELETE FROM seg_clv_model m WHERE m.run_id = " + runId
                    + " AND NOT EXISTS (SELECT 1 FROM seg_current_run c WHERE c.run_id = m.run_id)");
            st.execute("DELETE FROM seg_run r WHERE r.run_id = " + runId
                    + " AND NOT EXISTS (SELECT 1 FROM seg_current_run c WHERE c.run_id = r.run_id)");
        } catch (SQLException e) {
            throw new Jdbc.PersistenceException(e);
        }
    }
}
