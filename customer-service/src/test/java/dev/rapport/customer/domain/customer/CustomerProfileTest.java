package dev.rapport.customer.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.InvalidValueException;

class CustomerProfileTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 5, 1);

    /** Stand-in for the libphonenumber adapter: accepts only what is already E.164. */
    private static PhoneNumber e164Only(String raw) {
        return new PhoneNumber(raw);
    }

    @Test
    void buildsANormalisedProfile() {
        CustomerProfile profile = CustomerProfile.builder(TODAY)
                .firstName("  Ada ")
                .lastName("Lovelace")
                .email("ADA@example.com")
                .phone("+442079460958", CustomerProfileTest::e164Only)
                .company("")
                .tags(List.of("VIP", " vip ", "Early-Adopter"))
                .preferences(Map.of("language", " en "))
                .acquisitionChannel("referral")
                .birthday(LocalDate.of(1815, 12, 10).plusYears(100))
                .build();

        assertThat(profile.firstName()).isEqualTo("Ada");
        assertThat(profile.email().value()).isEqualTo("ada@example.com");
        assertThat(profile.company()).isNull();
        assertThat(profile.tags()).extracting(Tag::value).containsExactly("early-adopter", "vip");
        assertThat(profile.preferences()).containsExactly(Map.entry("language", "en"));
        assertThat(profile.acquisitionChannel()).isEqualTo(AcquisitionChannel.REFERRAL);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, () -> CustomerProfile.builder(TODAY)
                .firstName("x".repeat(101))
                .email("not-an-email")
                .phone("12", CustomerProfileTest::e164Only)
                .acquisitionChannel("fax")
                .tags(List.of("ok", "bad;tag"))
                .attributes(Map.of("bad key", "v", "size", "x".repeat(1001)))
                .birthday(TODAY.plusDays(1))
                .externalId("A1")
                .build());

        assertThat(error.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                "firstName", "email", "phone", "acquisitionChannel", "tags[1]", "attributes.bad key",
                "attributes.size", "birthday");
        assertThat(error.violations()).contains(new FieldViolation("birthday", "must not be in the future"),
                new FieldViolation("firstName", "must be at most 100 characters"));
    }

    @Test
    void needsAWayToFindTheCustomerAgain() {
        assertThatThrownBy(() -> CustomerProfile.builder(TODAY).firstName("Ada").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("email at least one of email, phone or externalId is required");
        assertThat(CustomerProfile.builder(TODAY).externalId("17850").build().externalId().value()).isEqualTo("17850");
    }

    @Test
    void limitsTheNumberOfTagsAndEntries() {
        List<String> tags = IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();
        Map<String, String> attributes = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> attributes.put("k" + i, "v"));

        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, () -> CustomerProfile.builder(TODAY)
                .email("a@example.com").tags(tags).attributes(attributes).build());

        assertThat(error.violations()).containsExactlyInAnyOrder(
                new FieldViolation("tags", "must have at most 50 tags"),
                new FieldViolation("attributes", "must have at most 50 entries"));
    }

    @Test
    void refusesBirthdaysBefore1900() {
        assertThatThrownBy(() -> CustomerProfile.builder(TODAY).email("a@example.com")
                .birthday(LocalDate.of(1899, 12, 31)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("birthday");
    }

    @Test
    void namesTheChangedFields() {
        CustomerProfile before = CustomerProfile.builder(TODAY).email("a@example.com").firstName("Ada").build();
        CustomerProfile after = before.toBuilder(TODAY).firstName("Ada").lastName("Lovelace")
                .tags(List.of("vip")).build();

        assertThat(after.changedFieldsSince(before)).containsExactly("lastName", "tags");
        assertThat(before.changedFieldsSince(before)).isEmpty();
    }

    @Test
    void theCanonicalConstructorValidatesToo() {
        assertThatThrownBy(() -> new CustomerProfile(null, "x".repeat(101), null, new EmailAddress("a@example.com"),
                null, null, null, null, null, null, null, null))
                .isInstanceOf(InvalidValueException.class);
    }
}
