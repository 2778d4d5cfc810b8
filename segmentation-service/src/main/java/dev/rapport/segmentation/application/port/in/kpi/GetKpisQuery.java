package dev.rapport.segmentation.application.port.in.kpi;

import java.time.YearMonth;

/** {@code from}/{@code to} null: the 12 months up to the current one. */
public record GetKpisQuery(YearMonth from, YearMonth to, GroupBy groupBy) {

    public enum GroupBy {
        MONTH, ACQUISITION_CHANNEL
    }
}
