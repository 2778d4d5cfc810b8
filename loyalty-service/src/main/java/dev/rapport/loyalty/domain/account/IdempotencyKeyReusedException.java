package dev.rapport.loyalty.domain.account;

import java.util.List;
import java.util.Map;

import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.RuleViolationException;

/** An Idempotency-Key already used for a different request body (422). */
public class IdempotencyKeyReusedException extends RuleViolationException {

    public IdempotencyKeyReusedException() {
        super("idempotency-key-reused", "Idempotency key reused",
                "this Idempotency-Key was already used with a different request; use a new key for a new redemption",
                List.of(new FieldViolation("Idempotency-Key", "was used with a different request body")), Map.of());
    }
}
