package dev.rapport.customer.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.kernel.InvalidInputException;

/** Which fields a GDPR erasure scrubs, which it keeps, and that an erased customer stays erased. */
class CustomerErasureTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 5, 1);
    private static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private final CustomerProfile full = CustomerProfile.builder(TODAY)
            .externalId("SHOP-1").firstName("Ada").lastName("Lovelace").email("ada@example.com")
            .phone("+442079460958", PhoneNumber::new).company("Analytical Engines Ltd").jobTitle("Countess")
            .acquisitionChannel("web-form").preferences(Map.of("language", "en")).attributes(Map.of("shoe", "38"))
            .tags(List.of("vip")).birthday(LocalDate.of(1990, 12, 10)).build();

    private Customer customer() {
        return Customer.restore(CustomerId.newId(), full, new ReferralCode("ADA-FRIENDS"), CREATED, CREATED, 3);
    }

    @Test
    void erasureReplacesNamesAndRemovesEveryOtherPersonalField() {
        Customer customer = customer();

        customer.erase(NOW);

        CustomerProfile p = customer.profile();
        assertThat(p.firstName()).isEqualTo("erased");
        assertThat(p.lastName()).isEqualTo("erased");
        assertThat(p.email()).isNull();
        assertThat(p.phone()).isNull();
        assertThat(p.externalId()).as("a partner's key for the person is pseudonymous personal data").isNull();
        assertThat(p.jobTitle()).isNull();
        assertThat(p.birthday()).isNull();
        assertThat(p.preferences()).isEmpty();
        assertThat(p.attributes()).isEmpty();
        assertThat(p.tags()).isEmpty();
        assertThat(p.isErased()).isTrue();
    }

    @Test
    void erasureKeepsWhatAggregatesNeed() {
        Customer customer = customer();

        customer.erase(NOW);

        assertThat(customer.profile().company()).isEqualTo("Analytical Engines Ltd");
        assertThat(customer.profile().acquisitionChannel()).isEqualTo(AcquisitionChannel.fromWireName("web-form"));
        assertThat(customer.referralCode().value()).isEqualTo("ADA-FRIENDS");
        assertThat(customer.createdAt()).isEqualTo(CREATED);
        assertThat(customer.updatedAt()).isEqualTo(NOW);
        assertThat(customer.erasedAt()).isEqualTo(NOW);
        assertThat(customer.isErased()).isTrue();
        assertThat(customer.version()).isEqualTo(4);
        assertThat(customer.pullEvents()).as("the use case announces the erasure, not customer-updated").isEmpty();
    }

    @Test
    void anErasedCustomerCanNeitherBeErasedAgainNorChanged() {
        Customer customer = customer();
        customer.erase(NOW);

        assertThatThrownBy(() -> customer.erase(NOW.plusSeconds(1))).isInstanceOf(CustomerErasedException.class);
        assertThatThrownBy(() -> customer.update(full, NOW.plusSeconds(1))).isInstanceOf(CustomerErasedException.class);
        assertThatThrownBy(customer::requireNotErased).isInstanceOfSatisfying(CustomerErasedException.class,
                e -> assertThat(e.erasedAt()).isEqualTo(NOW));
        assertThat(customer.version()).isEqualTo(4);
    }

    @Test
    void anActiveCustomerPassesTheErasedCheck() {
        Customer customer = customer();

        customer.requireNotErased();

        assertThat(customer.isErased()).isFalse();
        assertThat(customer.erasedAt()).isNull();
    }

    @Test
    void onlyTheErasedProfileMayLackAnIdentifier() {
        assertThat(full.erased().isErased()).isTrue();
        assertThat(full.isErased()).isFalse();
        assertThatThrownBy(() -> CustomerProfile.builder(TODAY).firstName("erased").lastName("erased").build())
                .as("clients still need an identifier, even with the erased names")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CustomerProfile(null, "erased", "erased", null, null, null, "CEO", null,
                null, null, null, null))
                .as("a profile with personal data left is not an erased one")
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aStoredErasedCustomerMustHaveTheErasedProfile() {
        Customer erased = Customer.restore(CustomerId.newId(), full.erased(), null, CREATED, NOW, 4, NOW);
        assertThat(erased.isErased()).isTrue();

        assertThatThrownBy(() -> Customer.restore(CustomerId.newId(), full, null, CREATED, NOW, 4, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
