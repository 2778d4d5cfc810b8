package dev.rapport.segmentation.application.port.in.kpi;

import java.time.YearMonth;
import java.util.List;

import dev.rapport.segmentation.domain.kpi.KpiGroup;

public record Kpis(YearMonth from, YearMonth to, GetKpisQuery.GroupBy groupBy, String currency, List<KpiGroup> groups) {
}
