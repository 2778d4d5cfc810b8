package dev.rapport.loyalty.domain.account;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the append-only ledger. {@code points} is signed (credits positive);
 * {@code runningBalance} is the account's balance after it. {@code sourceType} says where it came from
 * ({@code order}, {@code return}, {@code redemption}, {@code reward}, {@code agent}, {@code referral},
 * {@code birthday}, {@code expiry}, {@code merge}) and {@code sourceId} which one.
 */
public record LedgerEntry(
        UUID id,
        UUID customerId,
        EntryType type,
        long points,
        long runningBalance,
        String reason,
        String sourceType,
        String sourceId,
        String agent,
        Instant occurredAt,
        Instant recordedAt) {
}
