package dev.rapport.customer.domain.consent;

import java.util.Comparator;
import java.util.Objects;

/** One channel for one purpose: the unit consent is given for. */
public record ConsentKey(ConsentChannel channel, ConsentPurpose purpose) {

    /** Declaration order of the enums: email before sms, marketing before service. */
    public static final Comparator<ConsentKey> ORDER =
            Comparator.comparing(ConsentKey::channel).thenComparing(ConsentKey::purpose);

    public ConsentKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
    }
}
