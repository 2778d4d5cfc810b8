package dev.rapport.segmentation.adapter.in.rest.score;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.kernel.WireNames;
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
        @Schema(description = "ISO 4217 currency of monetary", maxLength = 3, example = "GBP") String currency,
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
        String abcClass) {

    public static CustomerSegmentsResponse of(ScoredCustomer customer, String currency) {
        CustomerScore s = customer.score();
        if (s == null) {
            return new CustomerSegmentsResponse(customer.customerId(), customer.externalId(), customer.asOf(), null,
                    null, null, currency, null, null, null, null, null, null);
        }
        return new CustomerSegmentsResponse(customer.customerId(), customer.externalId(), customer.asOf(),
                s.values().recencyDays(), s.values().frequency(), s.values().monetary().toPlainString(), currency,
                s.r(), s.f(), s.m(), WireNames.of(s.segment()), s.segment().displayName(), s.abcClass().name());
    }
}
