package dev.rapport.events.privacy;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A service has erased its copy of a customer's personal data for the erasure {@code erasureId}
 * (announced by {@link dev.rapport.events.customer.CustomerErased}). Every service publishes it on its
 * own topic with the type {@code rapport.<context>.erasure-confirmed.v1} (see {@link #type(String)});
 * {@code service} is the confirming service's name, e.g. {@code loyalty-service}.
 */
public record ErasureConfirmed(
        UUID customerId,
        UUID erasureId,
        String service,
        Instant confirmedAt) {

    private static final Pattern CONTEXT = Pattern.compile("[a-z]+");
    private static final Pattern ANY_TYPE = Pattern.compile("rapport\\.[a-z]+\\.erasure-confirmed\\.v1");

    /** The type a producer in {@code context} uses: {@code type("loyalty")} is {@code rapport.loyalty.erasure-confirmed.v1}. */
    public static String type(String context) {
        if (context == null || !CONTEXT.matcher(context).matches()) {
            throw new IllegalArgumentException("context must be lower-case letters, e.g. loyalty");
        }
        return "rapport." + context + ".erasure-confirmed.v1";
    }

    /** Whether {@code type} is any producer's erasure confirmation (version 1). */
    public static boolean isType(String type) {
        return type != null && ANY_TYPE.matcher(type).matches();
    }
}
