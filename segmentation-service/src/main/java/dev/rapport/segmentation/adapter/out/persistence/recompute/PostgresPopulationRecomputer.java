package dev.rapport.segmentation.adapter.out.persistence.recompute;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.application.port.out.recompute.PopulationRecomputer;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;

/**
 * The full recompute in the caller's transaction: the customers' totals scored in memory ({@link TotalsScoring},
 * read on connections of their own), every customer's new row compared there with its current one, the changed
 * rows written back in place ({@link ChangedRows}) and the new run made current. Readers see the previous run
 * until the transaction commits.
 */
@ApplicationScoped
public class PostgresPopulationRecomputer implements PopulationRecomputer {

    private static final Logger LOG = Logger.getLogger(PostgresPopulationRecomputer.class);

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public PostgresPopulationRecomputer(DataSource dataSource, Jdbc jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public Recomputed recompute(ScoringRun current, LocalDate asOf, ZoneId zone, LifecyclePolicy lifecycle,
            IntConsumer progress, Function<ScoringRun, Consumer<Transition>> transitions) {
        long runId = jdbc.one("SELECT nextval('seg_run_id_seq')", s -> { }, r -> r.getLong(1)).orElseThrow();
        try (Connection c = dataSource.getConnection()) {
            long started = System.nanoTime();
            TotalsScoring.Population population;
            try (CopyInput in = SnapshotCopy.open(dataSource, TotalsScoring.populationSql(asOf, zone))) {
                population = TotalsScoring.population(in);
            }
            progress.accept(10);
            long scored = System.nanoTime();
            ScoringRun run = new ScoringRun(runId, asOf, zone, population.n(),
                    BigDecimal.valueOf(population.totalCents(), 2));
            Consumer<Transition> each = transitions.apply(run);
            ChangedRows changed = new ChangedRows(c);
            try (CopyInput in = SnapshotCopy.open(dataSource,
                    TotalsScoring.passSql(current.asOf(), asOf, zone, lifecycle.spendWindowDays()))) {
                TotalsScoring.pass(in, population, current.asOf(), asOf, zone, lifecycle, changed, each,
                        percent -> progress.accept(10 + percent * 70 / 100));
            }
            long passed = System.nanoTime();
            long rows = changed.apply();
            LOG.infof("run %d as of %s: population %.1f s, scoring and comparing %.1f s, %d rows written in %.1f s",
                    runId, asOf, (scored - started) / 1e9, (passed - scored) / 1e9, rows,
                    (System.nanoTime() - passed) / 1e9);
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO seg_run (run_id, as_of, zone, customers, total_monetary) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, runId);
                st.setObject(2, asOf);
                st.setString(3, zone.getId());
                st.setLong(4, run.customers());
                st.setBigDecimal(5, run.totalMonetary());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE seg_current_run SET run_id = ?")) {
                st.setLong(1, runId);
                st.executeUpdate();
            }
            return new Recomputed(run, rows);
        } catch (SQLException e) {
            throw new Jdbc.PersistenceException(e);
        } catch (IOException e) {
            throw new Jdbc.PersistenceException(new SQLException("COPY stream: " + e.getMessage(), e));
        }
    }

    @Override
    public void lockExclusively() {
        jdbc.one("SELECT pg_advisory_xact_lock(?)", s -> s.setLong(1, Jdbc.RECOMPUTE_LOCK), r -> 1);
    }

    @Override
    public void forget(long runId) {
        jdbc.update("DELETE FROM seg_clv_model WHERE run_id = ?", s -> s.setLong(1, runId));
        jdbc.update("DELETE FROM seg_run WHERE run_id = ?", s -> s.setLong(1, runId));
    }
}
