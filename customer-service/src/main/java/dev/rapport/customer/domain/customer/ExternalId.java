package dev.rapport.customer.domain.customer;

import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.Texts;

/** A partner's own identifier of the customer (e.g. a shop's customer number); unique in this service. */
public record ExternalId(String value) {

    public static final int MAX_LENGTH = 100;

    public ExternalId {
        value = Texts.required(value, MAX_LENGTH);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidValueException("must not contain whitespace");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
