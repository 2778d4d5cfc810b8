package dev.rapport.customer.application.service;

import dev.rapport.customer.application.service.customer.CustomerUniqueness;
import dev.rapport.customer.application.service.customer.RegisterCustomerService;
import dev.rapport.customer.application.service.customer.UpdateCustomerService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.application.port.in.customer.CustomerChanges;
import dev.rapport.kernel.change.ExpectedVersion;
import dev.rapport.kernel.change.MapPatch;
import dev.rapport.customer.application.port.in.customer.RegisterCustomerCommand;
import dev.rapport.customer.application.port.in.customer.UpdateCustomerCommand;
import dev.rapport.customer.application.port.out.customer.PhoneNumberNormaliser;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.customer.DuplicateCustomerException;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.customer.domain.customer.StaleVersionException;
import dev.rapport.customer.domain.event.CustomerRegistered;
import dev.rapport.customer.domain.event.CustomerUpdated;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;

class CustomerUseCasesTest {

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00.123456789Z"), ZoneOffset.UTC);
    private final PhoneNumberNormaliser phones = PhoneNumber::new;
    private final CustomerUniqueness uniqueness = new CustomerUniqueness(customers);
    private final RegisterCustomerService register =
            new RegisterCustomerService(customers, uniqueness, customers, phones, clock);
    private final UpdateCustomerService update =
            new UpdateCustomerService(customers, uniqueness, customers, phones, clock);

    private static RegisterCustomerCommand withEmail(String email) {
        return new RegisterCustomerCommand(null, "Ada", null, email, null, null, null, "web-form",
                Map.of("language", "en"), List.of("VIP"), null, null, "FRIEND");
    }

    @Test
    void registersAndPublishesInTheSameCall() {
        Customer customer = register.register(withEmail("Ada@Example.com"));

        assertThat(customers.stored).containsKey(customer.id());
        assertThat(customer.createdAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
        assertThat(customers.published).singleElement().isInstanceOf(CustomerRegistered.class);
    }

    @Test
    void aDuplicateEmailNamesTheExistingCustomerAndStoresNothing() {
        Customer first = register.register(withEmail("ada@example.com"));
        customers.published.clear();

        DuplicateCustomerException error = catchThrowableOfType(DuplicateCustomerException.class,
                () -> register.register(withEmail(" ADA@example.com")));

        assertThat(error.field()).isEqualTo("email");
        assertThat(error.existingCustomerId()).isEqualTo(first.id());
        assertThat(customers.stored).hasSize(1);
        assertThat(customers.published).isEmpty();
    }

    @Test
    void referralCodeErrorsAreReportedWithProfileErrors() {
        RegisterCustomerCommand command = new RegisterCustomerCommand(null, null, null, "nope", null, null, null,
                null, null, null, null, null, "bad code!");

        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, () -> register.register(command));

        assertThat(error.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("referralCode", "email");
        assertThat(customers.stored).isEmpty();
    }

    @Test
    void anUpdateAppliesMergeSemanticsAndPublishesTheChangedFields() {
        Customer customer = register.register(withEmail("ada@example.com"));
        customers.published.clear();

        Customer updated = update.update(new UpdateCustomerCommand(customer.id().value(), ExpectedVersion.oneOf(Set.of(0L)),
                CustomerChanges.builder()
                        .firstName(null)
                        .preferences(new MapPatch(Map.of("newsletter", "weekly"), Set.of("language")))
                        .build()));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.profile().firstName()).isNull();
        assertThat(updated.profile().preferences()).containsExactly(Map.entry("newsletter", "weekly"));
        assertThat(updated.profile().tags()).hasSize(1);
        assertThat(customers.published).singleElement().isInstanceOfSatisfying(CustomerUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("firstName", "preferences"));
    }

    @Test
    void aStaleVersionIsRefusedBeforeAnythingChanges() {
        Customer customer = register.register(withEmail("ada@example.com"));
        customers.published.clear();

        assertThatThrownBy(() -> update.update(new UpdateCustomerCommand(customer.id().value(),
                ExpectedVersion.oneOf(Set.of(7L)), CustomerChanges.builder().firstName("Bob").build())))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.currentVersion()).isZero());
        assertThat(customers.stored.get(customer.id()).profile().firstName()).isEqualTo("Ada");
        assertThat(customers.published).isEmpty();
    }

    @Test
    void anUpdateMayKeepItsOwnEmailButNotTakeAnothers() {
        Customer ada = register.register(withEmail("ada@example.com"));
        register.register(withEmail("bob@example.com"));
        customers.published.clear();

        update.update(new UpdateCustomerCommand(ada.id().value(), ExpectedVersion.ANY,
                CustomerChanges.builder().email("ADA@example.com").build()));
        assertThat(customers.published).as("same e-mail after normalisation: nothing changed").isEmpty();

        assertThatThrownBy(() -> update.update(new UpdateCustomerCommand(ada.id().value(), ExpectedVersion.ANY,
                CustomerChanges.builder().email("bob@example.com").build())))
                .isInstanceOf(DuplicateCustomerException.class);
    }

    @Test
    void unknownCustomersAreNotFound() {
        assertThatThrownBy(() -> update.update(new UpdateCustomerCommand(java.util.UUID.randomUUID(), ExpectedVersion.ANY,
                CustomerChanges.builder().build())))
                .isInstanceOf(CustomerNotFoundException.class);
    }
}
