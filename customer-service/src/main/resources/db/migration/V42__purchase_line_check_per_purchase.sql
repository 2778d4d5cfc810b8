-- The purchase_line -> purchase check of V41, one probe per purchase instead of one per line.
--
-- Why: an import chunk inserts ~8,000 lines of ~400 purchases in one COPY. V41 locked the distinct
-- purchases, then probed purchase again for every single line to find orphans. Locking already
-- finds every purchase that exists, so comparing how many were locked with how many distinct ids
-- the statement wrote answers "is there an orphan?"; the per-line search only runs to name the
-- orphan in the error. Same guarantees, same SQLSTATE (23503) and message as V41.

CREATE OR REPLACE FUNCTION purchase_line_check_purchase() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referenced bigint;
    locked bigint;
    orphan uuid;
BEGIN
    SELECT count(DISTINCT n.purchase_id) INTO referenced FROM new_lines n;
    -- Lock the parents (like the key's FOR KEY SHARE), in id order so concurrent writers cannot deadlock.
    SELECT count(*) INTO locked FROM (
        SELECT 1 FROM purchase p
         WHERE p.id IN (SELECT n.purchase_id FROM new_lines n)
         ORDER BY p.id
           FOR KEY SHARE OF p) l;
    IF locked <> referenced THEN
        SELECT n.purchase_id INTO orphan
          FROM new_lines n
         WHERE NOT EXISTS (SELECT 1 FROM purchase p WHERE p.id = n.purchase_id)
         LIMIT 1;
        RAISE EXCEPTION 'insert or update on table "purchase_line" violates its link to "purchase"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (purchase_id)=(%s) is not present in table "purchase".', orphan),
                  TABLE = 'purchase_line';
    END IF;
    RETURN NULL;
END
$$;
