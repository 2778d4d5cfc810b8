package dev.rapport.segmentation.adapter.in.rest.score;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.application.port.in.score.CustomerSegmentsView;
import dev.rapport.segmentation.domain.clv.ClvEstimate;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.ScoredCustomer;

/** A customer's segmentation as of the current run; the score fields are null for a prospect (no purchase). */
@Schema(name = "CustomerSegments")
public record CustomerSegmentsResponse(
        @Schema(description = "Customer id", format = "uuid", maxLength = 36) UUID customerId,
        @Schema(description = "The customer's external id (null if unknown or erased)", maxLength = 200,
                nullable = true) String externalId,
        @Schema(description = "Purchases before the start of this date count", format = "date", maxLength = 10)
        LocalDate asOf,
        @Schema(description = "asOf − date of the latest purchase, whole calendar days", minimum = "0",
                maximum = "100000", nullable = true) Integer recencyDays,
        @Schema(description = "Number of purchases (distinct orders)", minimum = "1", maximum = "2147483647",
                nullable = true) Integer frequency,
        @Schema(description = "Sum of purchase totals, 2 decimals", maxLength = 32, example = "4210.50",
                nullable = true) String monetary,
        @Schema(description = "ISO 4217 currency of the amounts", maxLength = 3, example = "GBP") String currency,
        @Schema(minimum = "1", maximum = "5", nullable = true) Integer r,
        @Schema(minimum = "1", maximum = "5", nullable = true) Integer f,
        @Schema(minimum = "1", maximum = "5", nullable = true) Integer m,
        @Schema(description = "RFM segment", maxLength = 32, example = "champions", nullable = true,
                enumeration = {"champions", "loyal_customers", "potential_loyalist", "new_customers", "promising",
                        "need_attention", "about_to_sleep", "at_risk", "cant_lose_them", "hibernating", "lost"})
        String segment,
        @Schema(description = "Business name of the segment", maxLength = 32, example = "Champions", nullable = true)
        String segmentName,
        @Schema(description = "Key-account class", maxLength = 1, enumeration = {"A", "B", "C"}, nullable = true)
        String abcClass,
        @Schema(description = "Lifetime value; null for a prospect", nullable = true) Clv clv,
        @Schema(maxLength = 16, enumeration = {"prospect", "new", "repeat", "loyal", "at_risk", "churned"})
        String lifecycleStage,
        Risk churnRisk,
        Level relationshipLevel) {

    @Schema(name = "CustomerLifetimeValue")
    public record Clv(
            @Schema(description = "= monetary", maxLength = 32, example = "4210.50") String historical,
            @Schema(description = "Discounted revenue expected in the next 12 months", maxLength = 32,
                    example = "812.40") String predicted12m,
            @Schema(minimum = "0", maximum = "1") double probabilityAlive,
            @Schema(minimum = "0", maximum = "100000") double expectedPurchases12m,
            @Schema(description = "false: the base was too small for the models, the rule-based fallback applied")
            boolean sufficientData) {
    }

    @Schema(name = "ChurnRisk")
    public record Risk(@Schema(maxLength = 8, enumeration = {"low", "medium", "high"}) String level,
            @Schema(maxItems = 20) List<String> reasons) {
    }

    @Schema(name = "RelationshipLevel")
    public record Level(@Schema(minimum = "1", maximum = "5") int level,
            @Schema(maxLength = 16, enumeration = {"basic record", "satisfied", "trusted", "loyal", "partner"}) String name,
            @Schema(maxItems = 20) List<String> reasons) {
    }

    public static CustomerSegmentsResponse of(CustomerSegmentsView view, String currency) {
        ScoredCustomer customer = view.customer();
        CustomerInsight i = view.insight();
        Risk risk = new Risk(WireNames.of(i.churnRisk().level()), i.churnRisk().reasons());
        Level level = new Level(i.relationship().level(), i.relationship().name(), i.relationship().reasons());
        ClvEstimate c = view.clv();
        Clv clv = c == null ? null : new Clv(c.historical().toPlainString(), c.predicted12m().toPlainString(),
                c.probabilityAlive(), c.expectedPurchases12m(), c.sufficientData());
        CustomerScore s = customer.score();
        if (s == null) {
            return new CustomerSegmentsResponse(customer.customerId(), customer.externalId(), customer.asOf(), null,
                    null, null, currency, null, null, null, null, null, null, clv, WireNames.of(i.stage()), risk, level);
        }
        return new CustomerSegmentsResponse(customer.customerId(), customer.externalId(), customer.asOf(),
                s.values().recencyDays(), s.values().frequency(), s.values().monetary().toPlainString(), currency,
                s.r(), s.f(), s.m(), WireNames.of(s.segment()), s.segment().displayName(), s.abcClass().name(), clv,
                WireNames.of(i.stage()), risk, level);
    }
}
