package dev.rapport.events.segmentation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A customer's key-account class changed ({@code A}, {@code B} or {@code C}; {@code from} is null for a
 * customer's first counting purchase). {@code monetary} is the customer's monetary value in {@code currency}.
 */
public record AbcClassChanged(
        UUID customerId,
        String from,
        String to,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal monetary,
        String currency,
        LocalDate asOf,
        Instant changedAt) {

    public static final String TYPE = "rapport.segmentation.abc-class-changed.v1";
}
