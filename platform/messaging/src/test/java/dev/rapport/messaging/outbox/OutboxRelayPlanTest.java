package dev.rapport.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay's round statements, planned once for an outbox that was nearly empty (a new service, a
 * quiet one whose published rows were purged, statistics taken then), must still read and mark a
 * later backlog through indexes. Such a plan is what a prepared statement keeps while the table grows:
 * with whole-table scans it made draining a backlog quadratic (23 s of extra database CPU in one
 * import). The plans are those of the relay's own SQL, in a session set up like the relay's, against
 * an empty, analysed copy of the outbox (a temporary table of the same name shadows the real one).
 */
@QuarkusTest
class OutboxRelayPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void planningForATinyOutboxKeepsTheRoundOnIndexes() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE rapport_outbox (LIKE public.rapport_outbox INCLUDING ALL)");
            try {
                statement.execute("ANALYZE pg_temp.rapport_outbox");
                // A cached generic plan, as a prepared statement keeps it, made for the empty table.
                statement.execute("SET plan_cache_mode = force_generic_plan");

                // The trap is real: planned the default way, both statements scan the table whole.
                assertTrue(plan(statement, OutboxRelay.SELECT_PENDING, "500").contains("Seq Scan"));
                assertTrue(plan(statement, OutboxRelay.MARK_PUBLISHED, "'{1,2,3}'::bigint[]").contains("Seq Scan"));

                OutboxRelay.configureSession(connection);

                String pending = plan(statement, OutboxRelay.SELECT_PENDING, "500");
                String mark = plan(statement, OutboxRelay.MARK_PUBLISHED, "'{1,2,3}'::bigint[]");
                assertFalse(pending.contains("Seq Scan"), pending);
                assertTrue(pending.contains("rapport_outbox_unpublished") || pending.contains("Index"), pending);
                assertFalse(mark.contains("Seq Scan"), mark);
                assertTrue(mark.contains("Index Scan"), mark);
            } finally {
                statement.execute("RESET plan_cache_mode");
                statement.execute("RESET enable_seqscan");
                statement.execute("DROP TABLE pg_temp.rapport_outbox");
            }
        }
    }

    /** EXPLAIN of {@code sql} (one parameter, $1 or ?) as a prepared statement executed with {@code argument}. */
    private static String plan(Statement statement, String sql, String argument) throws SQLException {
        String name = "plan_probe_" + Math.abs(sql.hashCode());
        statement.execute("PREPARE " + name + " AS " + sql.replace("?", "$1"));
        try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE " + name + "(" + argument + ")")) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
            return plan.toString();
        } finally {
            statement.execute("DEALLOCATE " + name);
        }
    }
}
