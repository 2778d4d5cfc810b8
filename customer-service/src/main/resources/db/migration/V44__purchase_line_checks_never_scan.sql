-- The purchase_line triggers of V41-V43 plan without sequential scans.
--
-- Why: PL/pgSQL keeps the plan of a statement for the whole database session, and the statements of
-- these triggers have no parameters, so that plan is made once, with the statistics of that moment.
-- Made while purchase held a few dozen rows (a new database, or one whose tables were just emptied),
-- the lock of the referenced purchases was a sequential scan of purchase plus a sort; it stayed one
-- while an import grew the table to 18,500 purchases, so every chunk read the whole table: 182
-- statements over 5 ms and ~2.5 s of one import. The statements only ever need the primary key
-- (purchase) or the lines' primary key (purchase_id first), whatever the tables hold.
ALTER FUNCTION purchase_line_check_purchase() SET enable_seqscan = off;
ALTER FUNCTION purchase_delete_lines() SET enable_seqscan = off;
