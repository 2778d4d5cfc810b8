package dev.rapport.customer.domain.importing;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.rapport.kernel.InvalidInputException;

/** What the uploaded body is. {@link #wireName()} is the value of {@code ?format=}. */
public enum ImportFormat {
    /** UCI Online Retail CSV with its own header; needs no mapping. */
    ONLINE_RETAIL("online-retail"),
    /** RFC 4180 CSV with a header row, mapped by an {@link ImportMapping}. */
    CSV("csv"),
    /** One JSON object per line, mapped by an {@link ImportMapping} (source names are the object's keys). */
    NDJSON("ndjson");

    private final String wireName;

    ImportFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean needsMapping() {
        return this != ONLINE_RETAIL;
    }

    public static ImportFormat fromWireName(String value) {
        for (ImportFormat format : values()) {
            if (format.wireName.equals(value)) {
                return format;
            }
        }
        throw InvalidInputException.of("format", "must be one of " + Arrays.stream(values())
                .map(ImportFormat::wireName).collect(Collectors.joining(", ")));
    }
}
