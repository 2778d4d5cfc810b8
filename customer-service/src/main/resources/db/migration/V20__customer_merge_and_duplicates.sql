-- Merge: a merged duplicate stays as a tombstone that points to its survivor, so old links and ids
-- keep working (GET answers 308 to the survivor). Its e-mail, phone and external id are released
-- (set to NULL) so the survivor can take them, hence the identifiable rule now allows tombstones.
ALTER TABLE customer
    ADD COLUMN merged_into uuid REFERENCES customer (id),
    ADD COLUMN merged_at   timestamptz,
    ADD CONSTRAINT customer_merged_consistent CHECK ((merged_into IS NULL) = (merged_at IS NULL)),
    ADD CONSTRAINT customer_not_merged_into_itself CHECK (merged_into <> id);

ALTER TABLE customer DROP CONSTRAINT customer_identifiable;
ALTER TABLE customer ADD CONSTRAINT customer_identifiable
    CHECK (email IS NOT NULL OR phone IS NOT NULL OR external_id IS NOT NULL OR merged_into IS NOT NULL);

-- Re-pointing older tombstones when their survivor is merged on (one hop, never a chain).
CREATE INDEX customer_merged_into ON customer (merged_into) WHERE merged_into IS NOT NULL;

-- Likely duplicates (GET /customers/{id}/duplicates). The expressions must stay exactly as the
-- finder's query writes them, or PostgreSQL cannot use these indexes. E-mail and phone are unique
-- as stored, so these catch legacy rows stored before normalisation ("Ada@X.com", "+1 415 555 2671").
CREATE INDEX customer_email_normalised ON customer (lower(btrim(email)));
CREATE INDEX customer_phone_digits ON customer (regexp_replace(phone, '[^0-9]', '', 'g'));
CREATE INDEX customer_name_company ON customer (lower(btrim(first_name)), lower(btrim(last_name)), lower(btrim(company)));
