package dev.rapport.loyalty.domain.account;

/** An account is active, erased (personal data gone, no more points) or merged into another. */
public enum AccountStatus {
    ACTIVE, ERASED, MERGED
}
