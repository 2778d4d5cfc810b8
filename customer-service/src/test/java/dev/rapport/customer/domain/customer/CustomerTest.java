package dev.rapport.customer.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.event.CustomerRegistered;
import dev.rapport.customer.domain.event.CustomerUpdated;

class CustomerTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 5, 1);
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final CustomerProfile profile = CustomerProfile.builder(TODAY).email("ada@example.com").firstName("Ada").build();

    @Test
    void registeringRaisesCustomerRegistered() {
        Customer customer = Customer.register(CustomerId.newId(), profile, new ReferralCode("FRIEND"), NOW);

        List<CustomerDomainEvent> events = customer.pullEvents();

        assertThat(customer.version()).isZero();
        assertThat(customer.createdAt()).isEqualTo(NOW).isEqualTo(customer.updatedAt());
        assertThat(events).singleElement().isInstanceOfSatisfying(CustomerRegistered.class, e -> {
            assertThat(e.customerId()).isEqualTo(customer.id());
            assertThat(e.referralCode().value()).isEqualTo("FRIEND");
        });
        assertThat(customer.pullEvents()).as("events are handed out once").isEmpty();
    }

    @Test
    void anUpdateBumpsTheVersionAndNamesTheChangedFields() {
        Customer customer = Customer.restore(CustomerId.newId(), profile, null, NOW, NOW, 4);
        Instant later = NOW.plusSeconds(60);

        List<String> changed = customer.update(profile.toBuilder(TODAY).company("Engines Ltd").build(), later);

        assertThat(changed).containsExactly("company");
        assertThat(customer.version()).isEqualTo(5);
        assertThat(customer.updatedAt()).isEqualTo(later);
        assertThat(customer.pullEvents()).singleElement().isInstanceOfSatisfying(CustomerUpdated.class, e -> {
            assertThat(e.changedFields()).containsExactly("company");
            assertThat(e.version()).isEqualTo(5);
            assertThat(e.profile().company()).isEqualTo("Engines Ltd");
        });
    }

    @Test
    void anUpdateThatChangesNothingIsNotAVersion() {
        Customer customer = Customer.restore(CustomerId.newId(), profile, null, NOW, NOW, 4);

        List<String> changed = customer.update(profile.toBuilder(TODAY).firstName(" Ada ").build(), NOW.plusSeconds(1));

        assertThat(changed).isEmpty();
        assertThat(customer.version()).isEqualTo(4);
        assertThat(customer.updatedAt()).isEqualTo(NOW);
        assertThat(customer.pullEvents()).isEmpty();
    }
}
