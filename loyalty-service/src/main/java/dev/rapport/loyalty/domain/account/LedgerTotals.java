package dev.rapport.loyalty.domain.account;

/** Sums over an account's ledger: see {@link Balances}; {@code qualifying} is earned points in the tier window. */
public record LedgerTotals(long spent, long expired, long lifetimeEarned, long qualifying) {
}
