-- The SLA scan reads only deadlines with a notice still to send. The V2 indexes held every open
-- complaint, so each scan walked all overdue complaints whose breach had long been sent (most of the
-- open ones on a busy day); these hold a row only until its breach is claimed, so a scan touches the
-- handful of deadlines that came due since the last one. Warnings use the same index (a breached
-- deadline needs no warning).
DROP INDEX complaint_open_first_response;
DROP INDEX complaint_open_resolution;
CREATE INDEX complaint_first_response_pending ON complaint (first_response_due_at)
    WHERE first_response_breached_at IS NULL AND first_responded_at IS NULL
      AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL;
CREATE INDEX complaint_resolution_pending ON complaint (resolution_due_at)
    WHERE resolution_breached_at IS NULL AND resolved_at IS NULL
      AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL;
