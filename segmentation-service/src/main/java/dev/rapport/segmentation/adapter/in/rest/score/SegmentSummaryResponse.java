package dev.rapport.segmentation.adapter.in.rest.score;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.segmentation.application.port.in.score.SegmentSummary;

@Schema(name = "SegmentSummary")
public record SegmentSummaryResponse(
        @Schema(format = "date", maxLength = 10) LocalDate asOf,
        @Schema(description = "Customers with at least one counting purchase", minimum = "0", maximum = "2147483647")
        long n,
        @Schema(description = "Total monetary T", maxLength = 32, example = "8911407.90") String totalMonetary,
        @Schema(maxLength = 3, example = "GBP") String currency,
        @Schema(maxItems = 11) List<Group> segments,
        @Schema(maxItems = 3) List<Group> abcClasses) {

    @Schema(name = "SegmentSummaryGroup")
    public record Group(
            @Schema(maxLength = 32, example = "champions") String name,
            @Schema(minimum = "0", maximum = "2147483647") long customers,
            @Schema(maxLength = 32, example = "1200.50") String monetary,
            @Schema(description = "monetary / T, 4 decimals", maxLength = 8, example = "0.4213") String revenueShare) {
    }

    public static SegmentSummaryResponse of(SegmentSummary s) {
        return new SegmentSummaryResponse(s.asOf(), s.n(), s.totalMonetary().toPlainString(), s.currency(),
                s.segments().stream().map(SegmentSummaryResponse::group).toList(),
                s.abcClasses().stream().map(SegmentSummaryResponse::group).toList());
    }

    private static Group group(SegmentSummary.Group g) {
        return new Group(g.name(), g.customers(), g.monetary().toPlainString(), g.revenueShare().toPlainString());
    }
}
