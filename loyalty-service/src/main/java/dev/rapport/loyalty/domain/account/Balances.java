package dev.rapport.loyalty.domain.account;

/**
 * An account's points. {@code available} can be spent now, {@code pending} waits for the return window;
 * {@code spent} and {@code expired} are totals of redemptions and expiries; {@code lifetimeEarned} is
 * every point earned from purchases and bonuses, less reversals. {@code available + pending} equals the
 * ledger's sum once due expiries have been recorded.
 */
public record Balances(long available, long pending, long spent, long expired, long lifetimeEarned) {
}
