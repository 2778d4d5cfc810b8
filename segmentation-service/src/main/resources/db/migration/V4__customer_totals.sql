-- Per customer, the lifetime totals of its counting purchases (total > 0), kept in the transaction that stores
-- or moves its purchases (every re-score derives them again from its purchase rows, so redeliveries,
-- out-of-order events and merges leave them exact). A recompute for an asOf after every counting purchase
-- reads these instead of aggregating seg_purchase.
CREATE TABLE seg_customer_totals (
    customer_id uuid PRIMARY KEY,
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL,
    purchases   integer     NOT NULL,
    monetary    numeric     NOT NULL
);
INSERT INTO seg_customer_totals (customer_id, first_at, last_at, purchases, monetary)
SELECT customer_id, min(occurred_at), max(occurred_at), count(*), sum(total)
FROM seg_purchase WHERE total > 0 GROUP BY customer_id;

-- The incremental path compares from its in-memory population index, no longer with range counts over these:
-- fewer indexes to build per run and to keep per upsert.
DROP INDEX seg_score_recency;
DROP INDEX seg_score_frequency;
DROP INDEX seg_score_monetary;

-- Scores as integer: the recompute writes its rows by binary COPY (int4).
ALTER TABLE seg_score ALTER COLUMN r TYPE integer, ALTER COLUMN f TYPE integer, ALTER COLUMN m TYPE integer;
