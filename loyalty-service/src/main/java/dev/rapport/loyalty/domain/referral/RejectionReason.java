package dev.rapport.loyalty.domain.referral;

import java.util.Locale;

/** Why a referral code given at registration was not accepted; wire names are kebab case. */
public enum RejectionReason {
    /** No account has that code. */
    UNKNOWN_CODE,
    /** The code is the referee's own, or the advocate has the same normalised email or phone. */
    SELF_REFERRAL,
    /** The referee already has a pending or completed referral. */
    ALREADY_REFERRED,
    /** The advocate reached the program's referral usage limit. */
    USAGE_LIMIT_REACHED,
    /** The advocate's account was erased or merged: its code no longer refers anyone. */
    CODE_EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
