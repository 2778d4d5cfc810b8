package dev.rapport.customer.adapter.in.rest.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.customer.domain.customer.ReferralCode;
import dev.rapport.customer.domain.customer.Tag;

@Schema(name = "Customer")
public record CustomerResponse(
        UUID id,
        @Schema(maxLength = ExternalId.MAX_LENGTH) String externalId,
        @Schema(maxLength = CustomerProfile.NAME_MAX) String firstName,
        @Schema(maxLength = CustomerProfile.NAME_MAX) String lastName,
        @Schema(maxLength = EmailAddress.MAX_LENGTH) String email,
        @Schema(description = "E.164", maxLength = PhoneNumber.MAX_LENGTH, examples = "+442079460958") String phone,
        @Schema(maxLength = CustomerProfile.COMPANY_MAX) String company,
        @Schema(maxLength = CustomerProfile.JOB_TITLE_MAX) String jobTitle,
        @Schema(enumeration = { "phone", "email", "web-form", "referral", "import", "other" }) String acquisitionChannel,
        @Schema(maxProperties = CustomerProfile.MAX_ENTRIES) Map<String, String> preferences,
        @Schema(maxItems = CustomerProfile.MAX_TAGS) List<String> tags,
        @Schema(maxProperties = CustomerProfile.MAX_ENTRIES) Map<String, String> attributes,
        LocalDate birthday,
        @Schema(maxLength = ReferralCode.MAX_LENGTH) String referralCode,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Grows by one with every change; the ETag is this number in quotes",
                minimum = "0", maximum = "9223372036854775807") long version) {

    public static CustomerResponse of(Customer customer) {
        CustomerProfile p = customer.profile();
        return new CustomerResponse(
                customer.id().value(),
                p.externalId() == null ? null : p.externalId().value(),
                p.firstName(),
                p.lastName(),
                p.email() == null ? null : p.email().value(),
                p.phone() == null ? null : p.phone().e164(),
                p.company(),
                p.jobTitle(),
                p.acquisitionChannel() == null ? null : p.acquisitionChannel().wireName(),
                p.preferences(),
                p.tags().stream().map(Tag::value).toList(),
                p.attributes(),
                p.birthday(),
                customer.referralCode() == null ? null : customer.referralCode().value(),
                customer.createdAt(),
                customer.updatedAt(),
                customer.version());
    }
}
