package dev.rapport.customer.domain.customer;

import dev.rapport.customer.domain.identity.CustomerMerge;
import dev.rapport.customer.domain.identity.DuplicateReason;
import dev.rapport.customer.domain.identity.MergeNotPossibleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.event.CustomerUpdated;
import dev.rapport.customer.domain.event.CustomersMerged;

class CustomerMergeTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 5, 1);
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final CustomerProfile survivorProfile = CustomerProfile.builder(TODAY)
            .email("ada@example.com").firstName("Ada")
            .tags(List.of("vip"))
            .preferences(Map.of("language", "en"))
            .attributes(Map.of("shoeSize", "38", "team", "north"))
            .build();
    private final CustomerProfile duplicateProfile = CustomerProfile.builder(TODAY)
            .email("augusta@example.com").externalId("SHOP-1").phone("+14155552671", PhoneNumber::new)
            .firstName("Augusta").lastName("Lovelace").company("Engines Ltd").jobTitle("Countess")
            .acquisitionChannel("referral").birthday(LocalDate.of(1990, 12, 10))
            .tags(List.of("early-adopter", "VIP"))
            .preferences(Map.of("language", "fr", "newsletter", "weekly"))
            .attributes(Map.of("team", "south", "size", "m"))
            .build();

    @Test
    void theSurvivorWinsAndItsEmptyFieldsAreFilledFromTheDuplicate() {
        CustomerProfile merged = CustomerMerge.profiles(survivorProfile, duplicateProfile);

        assertThat(merged.email().value()).as("survivor's value stays").isEqualTo("ada@example.com");
        assertThat(merged.firstName()).isEqualTo("Ada");
        assertThat(merged.lastName()).as("empty survivor field filled").isEqualTo("Lovelace");
        assertThat(merged.externalId().value()).isEqualTo("SHOP-1");
        assertThat(merged.phone().e164()).isEqualTo("+14155552671");
        assertThat(merged.company()).isEqualTo("Engines Ltd");
        assertThat(merged.jobTitle()).isEqualTo("Countess");
        assertThat(merged.acquisitionChannel()).isEqualTo(AcquisitionChannel.fromWireName("referral"));
        assertThat(merged.birthday()).isEqualTo(LocalDate.of(1990, 12, 10));
    }

    @Test
    void tagsAreUnitedAndMapsUnitedWithTheSurvivorWinningOnAKey() {
        CustomerProfile merged = CustomerMerge.profiles(survivorProfile, duplicateProfile);

        assertThat(merged.tags()).extracting(Tag::value).containsExactly("early-adopter", "vip");
        assertThat(merged.preferences()).containsExactlyInAnyOrderEntriesOf(Map.of("language", "en", "newsletter", "weekly"));
        assertThat(merged.attributes()).containsOnly(Map.entry("shoeSize", "38"), Map.entry("team", "north"),
                Map.entry("size", "m"));
    }

    @Test
    void aMergeBeyondTheLimitsIsRefusedNamingEachField() {
        CustomerProfile manyTags = survivorProfile.toBuilder(TODAY)
                .tags(IntStream.range(0, 30).mapToObj(i -> "s" + i).toList()).build();
        CustomerProfile otherTags = duplicateProfile.toBuilder(TODAY)
                .tags(IntStream.range(0, 30).mapToObj(i -> "d" + i).toList()).build();

        assertThatThrownBy(() -> CustomerMerge.profiles(manyTags, otherTags))
                .isInstanceOfSatisfying(MergeNotPossibleException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("tags");
                            assertThat(v.message()).contains("60 tags");
                        }));
    }

    @Test
    void absorbingBumpsTheVersionAndRaisesMergedThenUpdated() {
        Customer survivor = Customer.restore(CustomerId.newId(), survivorProfile, null, CREATED, CREATED, 3);
        Customer duplicate = Customer.restore(CustomerId.newId(), duplicateProfile, null, CREATED, CREATED, 7);

        List<String> changed = survivor.absorb(duplicate, NOW);

        assertThat(changed).containsExactly("externalId", "lastName", "phone", "company", "jobTitle",
                "acquisitionChannel", "preferences", "tags", "attributes", "birthday");
        assertThat(survivor.version()).isEqualTo(4);
        assertThat(survivor.updatedAt()).isEqualTo(NOW);
        assertThat(survivor.createdAt()).isEqualTo(CREATED);
        assertThat(survivor.pullEvents()).satisfiesExactly(
                merged -> assertThat(merged).isEqualTo(new CustomersMerged(survivor.id(), duplicate.id(), NOW)),
                updated -> assertThat(updated).isInstanceOfSatisfying(CustomerUpdated.class, e -> {
                    assertThat(e.version()).isEqualTo(4);
                    assertThat(e.changedFields()).isEqualTo(changed);
                }));
    }

    @Test
    void absorbingADuplicateThatAddsNothingStillMakesAVersionButNoUpdateEvent() {
        Customer survivor = Customer.restore(CustomerId.newId(), duplicateProfile, null, CREATED, CREATED, 0);
        CustomerProfile subset = CustomerProfile.builder(TODAY).email("other@example.com").tags(List.of("vip")).build();
        Customer duplicate = Customer.restore(CustomerId.newId(), subset, null, CREATED, CREATED, 0);

        assertThat(survivor.absorb(duplicate, NOW)).isEmpty();

        assertThat(survivor.version()).isEqualTo(1);
        assertThat(survivor.profile()).isEqualTo(duplicateProfile);
        assertThat(survivor.pullEvents()).singleElement().isInstanceOf(CustomersMerged.class);
    }

    @Test
    void aCustomerCannotAbsorbItself() {
        Customer customer = Customer.restore(CustomerId.newId(), survivorProfile, null, CREATED, CREATED, 0);

        assertThatThrownBy(() -> customer.absorb(customer, NOW))
                .isInstanceOfSatisfying(MergeNotPossibleException.class,
                        e -> assertThat(e.violations()).singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("duplicateId")));
        assertThat(customer.version()).isZero();
        assertThat(customer.pullEvents()).isEmpty();
    }

    @Test
    void duplicateScoresCombineAsIndependentEvidence() {
        assertThat(DuplicateReason.score(List.of(DuplicateReason.EMAIL))).isEqualTo(0.9);
        assertThat(DuplicateReason.score(List.of(DuplicateReason.NAME_AND_COMPANY))).isEqualTo(0.6);
        assertThat(DuplicateReason.score(List.of(DuplicateReason.EMAIL, DuplicateReason.PHONE))).isEqualTo(0.98);
        assertThat(DuplicateReason.score(List.of(DuplicateReason.PHONE, DuplicateReason.NAME_AND_COMPANY)))
                .isEqualTo(0.92);
    }
}
