package dev.rapport.loyalty.domain.referral;

public enum ReferralStatus {
    PENDING, COMPLETED, REJECTED
}
