package dev.rapport.loyalty.domain.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything a member or agent sees of an account. */
public record AccountView(
        UUID customerId,
        AccountStatus status,
        UUID mergedInto,
        long balance,
        Balances balances,
        String tier,
        Instant tierSince,
        Benefits benefits,
        Progress progress,
        String referralCode,
        NextExpiry nextExpiry,
        Instant openedAt) {

    public record Benefits(BigDecimal discountPercent, BigDecimal earnMultiplier, List<String> perks) {
    }

    /** Toward the next tier: points still needed; to keep this tier: points still to earn by {@code evaluatedOn}. */
    public record Progress(String nextTier, long pointsNeeded, long pointsToRetain, long qualifyingPoints,
                           LocalDate evaluatedOn) {
    }

    public record NextExpiry(long points, LocalDate date) {
    }
}
