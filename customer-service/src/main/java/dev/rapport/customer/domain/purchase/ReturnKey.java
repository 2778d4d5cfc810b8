package dev.rapport.customer.domain.purchase;

/** The client's key of a return (e.g. a credit-note number); unique within its purchase. */
public record ReturnKey(String value) {

    public ReturnKey {
        value = NaturalKeys.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
