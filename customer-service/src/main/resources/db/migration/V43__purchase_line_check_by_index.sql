-- The purchase_line -> purchase check of V42, reaching the purchases through their primary key.
--
-- Why: "p.id IN (SELECT ... FROM new_lines)" let the planner hash-join the transition table with a
-- sequential scan of purchase, so every statement that wrote lines read the whole purchase table:
-- 8 ms per import chunk once 18,500 purchases were stored (1.2 s of a 400k-line import, growing
-- with the table), and the same scan for each purchase recorded through the API. The distinct ids
-- are now collected into an array first and looked up with "id = ANY (array)", an index scan that
-- returns the rows in id order (so they are still locked in id order) and costs the same whatever
-- the table holds. Same guarantees, SQLSTATE (23503) and message as V41 and V42.

CREATE OR REPLACE FUNCTION purchase_line_check_purchase() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referenced uuid[];
    locked bigint;
    orphan uuid;
BEGIN
    referenced := ARRAY(SELECT DISTINCT n.purchase_id FROM new_lines n);
    -- Lock the parents (like the key's FOR KEY SHARE), in id order so concurrent writers cannot deadlock.
    SELECT count(*) INTO locked FROM (
        SELECT 1 FROM purchase p
         WHERE p.id = ANY (referenced)
         ORDER BY p.id
           FOR KEY SHARE OF p) l;
    IF locked <> cardinality(referenced) THEN
        SELECT r.id INTO orphan
          FROM unnest(referenced) AS r(id)
         WHERE NOT EXISTS (SELECT 1 FROM purchase p WHERE p.id = r.id)
         LIMIT 1;
        RAISE EXCEPTION 'insert or update on table "purchase_line" violates its link to "purchase"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (purchase_id)=(%s) is not present in table "purchase".', orphan),
                  TABLE = 'purchase_line';
    END IF;
    RETURN NULL;
END
$$;

-- The cascade of a purchase delete, by the lines' primary key (purchase_id first) for the same reason:
-- a join with the transition table could scan every line of every purchase.
CREATE OR REPLACE FUNCTION purchase_delete_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM purchase_line l WHERE l.purchase_id = ANY (ARRAY(SELECT d.id FROM deleted_purchases d));
    RETURN NULL;
END
$$;
