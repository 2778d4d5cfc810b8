package dev.rapport.customer.adapter.in.rest.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;

/**
 * Documentation only: the shape of a JSON merge patch (RFC 7396) of a customer. Omitted members stay;
 * null removes; preferences/attributes merge key by key (a null value removes the key); tags replace.
 * id, referralCode, createdAt, updatedAt and version are read-only; unknown members are refused.
 */
@Schema(name = "CustomerMergePatch", description = "JSON merge patch (RFC 7396) of a customer")
public record CustomerPatchDocument(
        @Schema(nullable = true, maxLength = ExternalId.MAX_LENGTH) String externalId,
        @Schema(nullable = true, maxLength = CustomerProfile.NAME_MAX) String firstName,
        @Schema(nullable = true, maxLength = CustomerProfile.NAME_MAX) String lastName,
        @Schema(nullable = true, maxLength = EmailAddress.MAX_LENGTH) String email,
        @Schema(description = "Any common format; stored as E.164", nullable = true,
                maxLength = PhoneNumber.INPUT_MAX_LENGTH) String phone,
        @Schema(nullable = true, maxLength = CustomerProfile.COMPANY_MAX) String company,
        @Schema(nullable = true, maxLength = CustomerProfile.JOB_TITLE_MAX) String jobTitle,
        @Schema(nullable = true, enumeration = { "phone", "email", "web-form", "referral", "import", "other" })
        String acquisitionChannel,
        @Schema(description = "Merged key by key; a null value removes the key", nullable = true)
        Map<String, String> preferences,
        @Schema(description = "Replaces all tags", nullable = true, maxItems = CustomerProfile.MAX_TAGS) List<String> tags,
        @Schema(description = "Merged key by key; a null value removes the key", nullable = true)
        Map<String, String> attributes,
        @Schema(nullable = true) LocalDate birthday) {
}
