package dev.rapport.segmentation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.testing.Sql;

/** Deferred writes: run in order ahead of the transaction's next statement, or at its commit, never after a rollback. */
@QuarkusTest
class JdbcTest {

    private static final String PROGRESS = """
            INSERT INTO seg_topic_progress (topic, events_processed, last_event_time, last_processed_at)
            VALUES (?, ?, now(), now())
            ON CONFLICT (topic) DO UPDATE SET events_processed = excluded.events_processed""";

    @Inject
    Jdbc jdbc;

    @Inject
    DataSource dataSource;

    @Test
    void deferredWritesRunInOrderBeforeTheNextStatementWhichSeesThem() {
        String topic = "test." + UUID.randomUUID();
        List<Long> seen = QuarkusTransaction.requiringNew().call(() -> {
            jdbc.deferUpdate(PROGRESS, s -> {
                s.setString(1, topic);
                s.setLong(2, 1);
            });
            jdbc.deferUpdate(PROGRESS, s -> {
                s.setString(1, topic);
                s.setLong(2, 2);
            });
            // the next statement's own parameters keep their indexes
            return jdbc.query("SELECT events_processed + ? FROM seg_topic_progress WHERE topic = ?", s -> {
                s.setLong(1, 100);
                s.setString(2, topic);
            }, r -> r.getLong(1));
        });

        assertThat(seen).containsExactly(102L);
        assertThat(progress(topic)).containsExactly(2L);
    }

    @Test
    void aDeferredWriteWithNoStatementAfterItRunsAtTheCommit() {
        String topic = "test." + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            jdbc.deferUpdate(PROGRESS, s -> {
                s.setString(1, topic);
                s.setLong(2, 7);
            });
            assertThat(progress(topic)).as("not written before the commit").isEmpty();
        });

        assertThat(progress(topic)).containsExactly(7L);
    }

    @Test
    void aDeferredWriteGoesWithAnUpdateAndWithALockedRead() {
        String first = "test." + UUID.randomUUID();
        String second = "test." + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            jdbc.deferUpdate(PROGRESS, s -> {
                s.setString(1, first);
                s.setLong(2, 3);
            });
            int updated = jdbc.update("UPDATE seg_topic_progress SET events_processed = events_processed * ? WHERE topic = ?",
                    s -> {
                        s.setLong(1, 10);
                        s.setString(2, first);
                    });
            assertThat(updated).isEqualTo(1);
            jdbc.deferUpdate(PROGRESS, s -> {
                s.setString(1, second);
                s.setLong(2, 4);
            });
            assertThat(jdbc.oneAfter("SELECT pg_advisory_xact_lock_shared(?)",
                    "SELECT events_processed FROM seg_topic_progress WHERE topic = ?", s -> {
                        s.setLong(1, Jdbc.RECOMPUTE_LOCK);
                        s.setString(2, second);
                    }, r -> r.getLong(1))).contains(4L);
        });

        assertThat(progress(first)).containsExactly(30L);
        assertThat(progress(second)).containsExactly(4L);
    }

    @Test
    void deferredWritesOfARolledBackTransactionAreNeverRun() {
        String topic = "test." + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            jdbc.deferUpdate(PROGRESS, s -> {
                s.setString(1, topic);
                s.setLong(2, 1);
            });
            throw new IllegalStateException("the use case fails after its write");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(progress(topic)).isEmpty();
    }

    @Test
    void aDeferredWriteThatFailsAtTheCommitRollsTheTransactionBack() {
        String topic = "test." + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            jdbc.update(PROGRESS, s -> {
                s.setString(1, topic);
                s.setLong(2, 1);
            });
            // events_processed is NOT NULL
            jdbc.deferUpdate("UPDATE seg_topic_progress SET events_processed = NULL WHERE topic = ?",
                    s -> s.setString(1, topic));
        })).isInstanceOf(RuntimeException.class);

        assertThat(progress(topic)).isEmpty();
    }

    @Test
    void outsideATransactionADeferredWriteRunsAtOnce() {
        String topic = "test." + UUID.randomUUID();
        jdbc.deferUpdate(PROGRESS, s -> {
            s.setString(1, topic);
            s.setLong(2, 5);
        });

        assertThat(progress(topic)).containsExactly(5L);
    }

    private List<Long> progress(String topic) {
        return Sql.on(dataSource).longs("SELECT events_processed FROM seg_topic_progress WHERE topic = ?", topic);
    }
}
