package dev.rapport.customer.domain.consent;

/**
 * What the customer said. Only {@link #GRANTED} permits anything; {@link #DENIED} (never given) and
 * {@link #REVOKED} (given, then withdrawn) both forbid, but are kept apart as evidence.
 */
public enum ConsentStatus {
    GRANTED, DENIED, REVOKED
}
