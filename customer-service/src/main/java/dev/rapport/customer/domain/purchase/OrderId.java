package dev.rapport.customer.domain.purchase;

/**
 * The client's order number, the natural key that makes recording a purchase idempotent. Unique
 * across the whole service, so two partners retrying cannot attach one order to two customers.
 */
public record OrderId(String value) {

    public static final int MAX_LENGTH = NaturalKeys.MAX_LENGTH;

    public OrderId {
        value = NaturalKeys.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
