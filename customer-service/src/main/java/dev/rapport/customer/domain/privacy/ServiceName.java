package dev.rapport.customer.domain.privacy;

import java.util.regex.Pattern;

import dev.rapport.kernel.InvalidValueException;

/** Name of a Rapport service taking part in an erasure, e.g. {@code loyalty-service}. */
public record ServiceName(String value) implements Comparable<ServiceName> {

    // Before CUSTOMER_SERVICE: static fields initialise in order.
    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,62}[a-z0-9]");
    public static final ServiceName CUSTOMER_SERVICE = new ServiceName("customer-service");

    public ServiceName {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("must be 2 to 64 lower-case letters, digits or -, like loyalty-service");
        }
    }

    @Override
    public int compareTo(ServiceName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
