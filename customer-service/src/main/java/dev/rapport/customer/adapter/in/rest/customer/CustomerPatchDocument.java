package dev.rapport.customer.adapter.in.rest.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documentation only: the shape of a JSON merge patch (RFC 7396) of a customer. Omitted members stay;
 * null removes; preferences/attributes merge key by key (a null value removes the key); tags replace.
 * id, referralCode, createdAt, updatedAt and version are read-only; unknown members are refused.
 */
@Schema(name = "CustomerMergePatch", description = "JSON merge patch (RFC 7396) of a customer")
public record CustomerPatchDocument(
        String externalId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String jobTitle,
        @Schema(enumeration = { "phone", "email", "web-form", "referral", "import", "other" }) String acquisitionChannel,
        @Schema(description = "Merged key by key; a null value removes the key") Map<String, String> preferences,
        @Schema(description = "Replaces all tags") List<String> tags,
        @Schema(description = "Merged key by key; a null value removes the key") Map<String, String> attributes,
        LocalDate birthday) {
}
