package dev.rapport.events.segmentation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer's RFM segment changed ({@code from} is null for a customer's first counting purchase). Segments
 * are the lower-case names {@code champions, loyal_customers, potential_loyalist, new_customers, promising,
 * need_attention, about_to_sleep, at_risk, cant_lose_them, hibernating, lost}; {@code r}, {@code f},
 * {@code m} are the new scores 1–5 as of {@code asOf}.
 */
public record SegmentChanged(
        UUID customerId,
        String from,
        String to,
        int r,
        int f,
        int m,
        LocalDate asOf,
        Instant changedAt) {

    public static final String TYPE = "rapport.segmentation.segment-changed.v1";
}
