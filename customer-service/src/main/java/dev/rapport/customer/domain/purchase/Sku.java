package dev.rapport.customer.domain.purchase;

import dev.rapport.kernel.Texts;

/** Stock-keeping unit as the shop names it; compared exactly. */
public record Sku(String value) {

    public static final int MAX_LENGTH = 64;

    public Sku {
        value = Texts.required(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
