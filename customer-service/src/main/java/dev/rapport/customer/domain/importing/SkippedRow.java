package dev.rapport.customer.domain.importing;

import java.util.Objects;

/**
 * A source row the import did not apply. {@code line} is the physical line of the file where the
 * row starts (the CSV header is line 1), {@code reason} a stable code ({@link SkipReason}).
 */
public record SkippedRow(long line, String reason, String detail) {

    public static final int DETAIL_MAX = 500;

    public SkippedRow {
        Objects.requireNonNull(reason, "reason");
        if (detail != null && detail.length() > DETAIL_MAX) {
            detail = detail.substring(0, DETAIL_MAX - 1) + "…";
        }
    }
}
