package dev.rapport.customer.domain.customer;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.rapport.kernel.InvalidValueException;

/** How the customer first came to us. {@link #wireName()} is the value used in JSON and events. */
public enum AcquisitionChannel {
    PHONE("phone"),
    EMAIL("email"),
    WEB_FORM("web-form"),
    REFERRAL("referral"),
    IMPORT("import"),
    OTHER("other");

    private final String wireName;

    AcquisitionChannel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AcquisitionChannel fromWireName(String value) {
        for (AcquisitionChannel channel : values()) {
            if (channel.wireName.equals(value)) {
                return channel;
            }
        }
        throw new InvalidValueException("must be one of " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(AcquisitionChannel::wireName).collect(Collectors.joining(", ", "[", "]"));
    }
}
