package dev.rapport.segmentation.adapter.in.rest.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.application.port.in.kpi.Kpis;
import dev.rapport.segmentation.domain.kpi.KpiGroup;

@Schema(name = "RelationshipKpis")
public record KpiResponse(
        @Schema(description = "First month", maxLength = 7, example = "2011-01") String from,
        @Schema(description = "Last month", maxLength = 7, example = "2011-12") String to,
        @Schema(maxLength = 24, enumeration = {"month", "acquisitionChannel"}) String groupBy,
        @Schema(maxLength = 3, example = "GBP") String currency,
        @Schema(maxItems = 1000) List<Group> groups) {

    @Schema(name = "RelationshipKpiGroup")
    public record Group(
            @Schema(description = "The month (yyyy-MM) or the acquisition channel", maxLength = 50) String key,
            @Schema(description = "Customers who bought in the period", minimum = "0", maximum = "2147483647") long customers,
            @Schema(description = "Of those who bought in the previous period, the share that bought again; null without any",
                    maxLength = 8, nullable = true, example = "0.3612") String retentionRate,
            @Schema(description = "Share of the period's buyers who had bought before it", maxLength = 8, nullable = true)
            String repeatPurchaseRate,
            @Schema(description = "First purchase in the period", minimum = "0", maximum = "2147483647") long newCustomers,
            @Schema(description = "Bought in the previous period, not in this one", minimum = "0", maximum = "2147483647")
            long churnedCustomers,
            @Schema(maxLength = 32, example = "568101.31") String revenue,
            @Schema(description = "Revenue by the customers' current segment", maxProperties = 12)
            Map<String, String> revenuePerSegment,
            @Schema(description = "Acquisition spend of the period, when known", maxLength = 32, nullable = true)
            String acquisitionSpend,
            @Schema(description = "Acquisition spend / new customers, when the spend is known", maxLength = 32,
                    nullable = true) String acquisitionCost) {
    }

    public static KpiResponse of(Kpis k) {
        return new KpiResponse(k.from().toString(), k.to().toString(),
                k.groupBy() == dev.rapport.segmentation.application.port.in.kpi.GetKpisQuery.GroupBy.MONTH ? "month"
                        : "acquisitionChannel",
                k.currency(), k.groups().stream().map(KpiResponse::group).toList());
    }

    private static Group group(KpiGroup g) {
        Map<String, String> segments = new TreeMap<>();
        g.revenueBySegment().forEach((segment, revenue) -> segments.put(segment, plain(revenue)));
        return new Group(g.key(), g.active(), plain(g.retentionRate()), plain(g.repeatPurchaseRate()), g.newCustomers(),
                g.churnedCustomers(), plain(g.revenue()), segments, plain(g.spend()), plain(g.acquisitionCost()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static String wire(Enum<?> value) {
        return WireNames.of(value);
    }
}
