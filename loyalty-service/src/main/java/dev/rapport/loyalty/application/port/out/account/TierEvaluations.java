package dev.rapport.loyalty.application.port.out.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public interface TierEvaluations {

    enum Kind { EVALUATION, WARNING }

    /** Claims the work of {@code kind} for the account's {@code anniversary}; false when it was already done. */
    boolean claim(UUID customerId, LocalDate anniversary, Kind kind, Instant now);

    /** Active accounts with an anniversary in [from, to] whose work of {@code kind} for it is not done. */
    List<UUID> due(LocalDate from, LocalDate to, Kind kind, int limit);
}
