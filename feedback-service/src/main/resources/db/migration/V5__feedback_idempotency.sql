-- POST /feedback with an Idempotency-Key: a retry returns the feedback stored the first time.
ALTER TABLE feedback ADD COLUMN idempotency_key text, ADD COLUMN request_fingerprint text;
CREATE UNIQUE INDEX feedback_by_idempotency_key ON feedback (idempotency_key) WHERE idempotency_key IS NOT NULL;
