package dev.rapport.customer.domain.purchase;

import java.math.BigDecimal;
import java.util.Objects;

import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

/** One line of a purchase as bought; numbered from 1 in the order the client sent them. */
public record PurchaseLine(int lineNumber, Sku sku, String description, int quantity, Money unitPrice) {

    public static final int DESCRIPTION_MAX = 500;
    public static final int MAX_QUANTITY = 1_000_000;
    public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000");

    public PurchaseLine {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber starts at 1");
        }
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        description = Texts.optional(description, DESCRIPTION_MAX);
        checkQuantity(quantity);
        checkUnitPrice(unitPrice);
    }

    /**
     * Parses a client's line, reporting every invalid field of it (relative names: "quantity").
     * Returns null when {@code currency} is null (invalid) and the line is otherwise fine.
     */
    public static PurchaseLine parse(int lineNumber, LineInput input, CurrencyCode currency) {
        Violations violations = new Violations();
        Sku sku = violations.check("sku", () -> new Sku(input.sku()));
        String description = violations.check("description", () -> Texts.optional(input.description(), DESCRIPTION_MAX));
        Integer quantity = violations.check("quantity", () -> {
            if (input.quantity() == null) {
                throw new InvalidValueException("must not be null");
            }
            checkQuantity(input.quantity());
            return input.quantity();
        });
        Money unitPrice = violations.check("unitPrice", () -> {
            if (input.unitPrice() == null) {
                throw new InvalidValueException("must not be null");
            }
            if (currency == null) {
                return null; // the currency itself is invalid and reported; nothing to check against
            }
            Money price = new Money(input.unitPrice(), currency);
            checkUnitPrice(price);
            return price;
        });
        violations.throwIfAny();
        // Without a valid currency the price cannot be checked; the caller reports the currency.
        return unitPrice == null ? null : new PurchaseLine(lineNumber, sku, description, quantity, unitPrice);
    }

    public Money amount() {
        return unitPrice.times(quantity);
    }

    private static void checkQuantity(int quantity) {
        if (quantity < 1) {
            throw new InvalidValueException("must be greater than 0");
        }
        if (quantity > MAX_QUANTITY) {
            throw new InvalidValueException("must be at most " + MAX_QUANTITY);
        }
    }

    private static void checkUnitPrice(Money unitPrice) {
        if (unitPrice.amount().compareTo(MAX_UNIT_PRICE) > 0) {
            throw new InvalidValueException("must be at most " + MAX_UNIT_PRICE.toPlainString());
        }
    }

    /** A line as a client sends it, before validation. */
    public record LineInput(String sku, String description, Integer quantity, BigDecimal unitPrice) {
    }
}
