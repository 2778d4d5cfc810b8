package dev.rapport.customer.domain.purchase;

import java.util.Objects;

/** Part of a return: how many units of which purchase line came back, and their value. */
public record ReturnLine(int lineNumber, Sku sku, int quantity, Money amount) {

    public ReturnLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(amount, "amount");
        if (lineNumber < 1 || quantity < 1) {
            throw new IllegalArgumentException("lineNumber and quantity must be positive");
        }
    }
}
