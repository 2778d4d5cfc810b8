package dev.rapport.loyalty.domain.account;

import java.util.Locale;

import dev.rapport.kernel.InvalidValueException;

/** What a ledger entry records; the wire name is kebab case ({@code referral-bonus}). */
public enum EntryType {
    EARN, REDEEM, EXPIRE, ADJUST, REVERSE, REFERRAL_BONUS, BIRTHDAY_BONUS, MERGE_IN, MERGE_OUT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static EntryType ofWireName(String raw) {
        for (EntryType type : values()) {
            if (type.wireName().equals(raw)) {
                return type;
            }
        }
        throw new InvalidValueException("unknown entry type " + raw);
    }

    /** Entries that count as earned: lifetime earnings and tier qualification. */
    public boolean countsAsEarned() {
        return this == EARN || this == REVERSE || this == REFERRAL_BONUS || this == BIRTHDAY_BONUS;
    }
}
