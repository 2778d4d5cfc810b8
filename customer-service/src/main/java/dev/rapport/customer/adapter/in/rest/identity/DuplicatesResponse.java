package dev.rapport.customer.adapter.in.rest.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.application.port.in.identity.FindDuplicatesUseCase;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;

import dev.rapport.customer.domain.customer.CustomerSummary;
import dev.rapport.customer.application.port.in.identity.LikelyDuplicate;
import dev.rapport.customer.domain.identity.DuplicateReason;

@Schema(name = "Duplicates", description = "Likely duplicates of a customer, most likely first (at most 50)")
public record DuplicatesResponse(@Schema(maxItems = FindDuplicatesUseCase.LIMIT) List<Item> items) {

    static DuplicatesResponse of(List<LikelyDuplicate> duplicates) {
        return new DuplicatesResponse(duplicates.stream().map(Item::of).toList());
    }

    @Schema(name = "Duplicate")
    public record Item(
            Summary customer,
            @Schema(description = "Why it is probably the same person: email, phone, name-and-company",
                    minItems = 1, maxItems = 3) List<String> reasons,
            @Schema(description = "How sure, 0 to 1: email 0.9, phone 0.8, name-and-company 0.6, "
                    + "several reasons combined as 1 - (1 - a)(1 - b)...", examples = "0.98", minimum = "0", maximum = "1") double score) {

        static Item of(LikelyDuplicate duplicate) {
            return new Item(Summary.of(duplicate.customer()),
                    duplicate.reasons().stream().map(DuplicateReason::wireName).toList(), duplicate.score());
        }
    }

    @Schema(name = "CustomerSummary", description = "The other customer as stored")
    public record Summary(UUID id,
                          @Schema(nullable = true, maxLength = ExternalId.MAX_LENGTH) String externalId,
                          @Schema(nullable = true, maxLength = CustomerProfile.NAME_MAX) String firstName,
                          @Schema(nullable = true, maxLength = CustomerProfile.NAME_MAX) String lastName,
                          @Schema(nullable = true, maxLength = EmailAddress.MAX_LENGTH) String email,
                          @Schema(nullable = true, maxLength = PhoneNumber.MAX_LENGTH) String phone,
                          @Schema(nullable = true, maxLength = CustomerProfile.COMPANY_MAX) String company,
                          Instant createdAt) {

        static Summary of(CustomerSummary c) {
            return new Summary(c.id(), c.externalId(), c.firstName(), c.lastName(), c.email(), c.phone(), c.company(),
                    c.createdAt());
        }
    }
}
