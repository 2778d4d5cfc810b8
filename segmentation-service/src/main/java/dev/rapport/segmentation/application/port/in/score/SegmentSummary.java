package dev.rapport.segmentation.application.port.in.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Counts and revenue share per segment and per ABC class of the current run. */
public record SegmentSummary(LocalDate asOf, long n, BigDecimal totalMonetary, String currency, List<Group> segments,
        List<Group> abcClasses) {

    /** {@code revenueShare} is monetary / T, 4 decimals (0 when T is 0). */
    public record Group(String name, long customers, BigDecimal monetary, BigDecimal revenueShare) {
    }
}
