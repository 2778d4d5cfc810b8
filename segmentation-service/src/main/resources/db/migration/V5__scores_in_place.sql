-- One row per scored customer, updated in place: a recompute writes only the rows that changed, in one
-- transaction with its new run (readers see the previous one until it commits). Recency is not stored: it is
-- derived from the last purchase date and the current run's asOf, so a new day by itself rewrites no row.
CREATE TABLE seg_customer_score (
    customer_id         uuid PRIMARY KEY,
    first_purchase_date date     NOT NULL,
    last_purchase_date  date     NOT NULL,
    frequency           integer  NOT NULL,
    monetary            numeric  NOT NULL,
    r                   integer  NOT NULL,
    f                   integer  NOT NULL,
    m                   integer  NOT NULL,
    segment             text     NOT NULL,
    abc_class           text     NOT NULL,
    recent_spend        numeric  NOT NULL DEFAULT 0,
    previous_spend      numeric  NOT NULL DEFAULT 0
);
INSERT INTO seg_customer_score (customer_id, first_purchase_date, last_purchase_date, frequency, monetary, r, f, m,
    segment, abc_class, recent_spend, previous_spend)
SELECT s.customer_id, s.first_purchase_date, s.last_purchase_date, s.frequency, s.monetary, s.r, s.f, s.m,
    s.segment, s.abc_class, s.recent_spend, s.previous_spend
FROM seg_score s JOIN seg_current_run c ON c.run_id = s.run_id;

-- the partitioned table with every attached run, then runs a stopped recompute left detached
DROP TABLE seg_score;
DO $$
DECLARE stale text;
BEGIN
    FOR stale IN SELECT tablename FROM pg_tables
                 WHERE schemaname = current_schema() AND tablename ~ '^seg_score_[0-9]+$' LOOP
        EXECUTE format('DROP TABLE %I', stale);
    END LOOP;
END $$;
DELETE FROM seg_clv_model WHERE run_id <> (SELECT run_id FROM seg_current_run);
DELETE FROM seg_run WHERE run_id <> (SELECT run_id FROM seg_current_run);

ALTER TABLE seg_customer_score RENAME TO seg_score;
ALTER INDEX seg_customer_score_pkey RENAME TO seg_score_pkey;
CREATE INDEX seg_score_segment ON seg_score (segment, customer_id);
CREATE INDEX seg_score_abc ON seg_score (abc_class, customer_id);

-- A recompute runs under the exclusive lock from its first read to its commit: no catch-up by touch time.
DROP INDEX seg_customer_touched;
ALTER TABLE seg_customer DROP COLUMN touched_at;

-- A recompute a few days after the last one aggregates the spend windows only of the customers with a purchase
-- in the days that entered or left a window.
CREATE INDEX seg_purchase_occurred ON seg_purchase (occurred_at) WHERE total > 0;
