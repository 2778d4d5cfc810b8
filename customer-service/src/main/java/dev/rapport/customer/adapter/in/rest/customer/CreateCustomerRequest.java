package dev.rapport.customer.adapter.in.rest.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.application.port.in.customer.RegisterCustomerCommand;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.customer.domain.customer.ReferralCode;

/**
 * Body of {@code POST /customers}. Needs at least one of email, phone, externalId. Limits are
 * enforced by the domain (400 with one error per field); the schema documents them.
 */
@Schema(name = "CreateCustomerRequest", description = "A new customer; at least one of email, phone or externalId")
public record CreateCustomerRequest(
        @Schema(description = "Partner's own id of the customer, unique", maxLength = ExternalId.MAX_LENGTH, examples = "SHOP-10042")
        String externalId,
        @Schema(maxLength = CustomerProfile.NAME_MAX, examples = "Ada") String firstName,
        @Schema(maxLength = CustomerProfile.NAME_MAX, examples = "Lovelace") String lastName,
        @Schema(description = "Stored trimmed and lower-case; unique", maxLength = EmailAddress.MAX_LENGTH, examples = "ada@example.com")
        String email,
        @Schema(description = "Any common format; stored as E.164. Without +country code the configured default region applies",
                maxLength = PhoneNumber.INPUT_MAX_LENGTH, examples = "+44 20 7946 0958")
        String phone,
        @Schema(maxLength = CustomerProfile.COMPANY_MAX, examples = "Analytical Engines Ltd") String company,
        @Schema(maxLength = CustomerProfile.JOB_TITLE_MAX, examples = "Mathematician") String jobTitle,
        @Schema(enumeration = { "phone", "email", "web-form", "referral", "import", "other" }, examples = "web-form")
        String acquisitionChannel,
        @Schema(description = "Up to 50 entries; keys 1-64 of [A-Za-z0-9_.-], values up to 200 characters",
                maxProperties = CustomerProfile.MAX_ENTRIES)
        Map<String, String> preferences,
        @Schema(description = "Up to 50 tags, each up to 50 characters; stored lower-case, duplicates collapse",
                maxItems = CustomerProfile.MAX_TAGS)
        List<String> tags,
        @Schema(description = "Custom fields: up to 50 entries; keys 1-64 of [A-Za-z0-9_.-], values up to 1000 characters",
                maxProperties = CustomerProfile.MAX_ENTRIES)
        Map<String, String> attributes,
        @Schema(description = "Not in the future, not before 1900-01-01", examples = "1815-12-10")
        LocalDate birthday,
        @Schema(description = "Code the customer was referred with; passed on in customer-registered",
                maxLength = ReferralCode.MAX_LENGTH,
                examples = "ADA-FRIENDS")
        String referralCode) {

    public RegisterCustomerCommand toCommand() {
        return new RegisterCustomerCommand(externalId, firstName, lastName, email, phone, company, jobTitle,
                acquisitionChannel, preferences, tags, attributes, birthday, referralCode);
    }
}
