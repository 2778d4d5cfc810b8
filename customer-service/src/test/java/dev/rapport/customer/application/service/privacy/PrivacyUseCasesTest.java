package dev.rapport.customer.application.service.privacy;

import dev.rapport.customer.application.service.InMemoryCustomers;
import dev.rapport.customer.application.service.customer.CustomerUniqueness;
import dev.rapport.customer.application.service.customer.RegisterCustomerService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.application.port.in.privacy.EraseCustomerCommand;
import dev.rapport.customer.application.port.in.privacy.ErasureResult;
import dev.rapport.customer.application.port.in.privacy.PersonalDataExport;
import dev.rapport.customer.application.port.in.privacy.RecordErasureConfirmationCommand;
import dev.rapport.customer.application.port.in.customer.RegisterCustomerCommand;
import dev.rapport.customer.application.port.out.privacy.ErasureEventPublisher;
import dev.rapport.customer.application.port.out.privacy.ErasureRepository;
import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerErasedException;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.customer.domain.privacy.ErasureConfirmation;
import dev.rapport.customer.domain.privacy.ErasureId;
import dev.rapport.customer.domain.privacy.ErasureNotFoundException;
import dev.rapport.customer.domain.privacy.ServiceName;
import dev.rapport.kernel.InvalidInputException;

/** Export, erasure and confirmations against in-memory fakes of the out-ports. */
class PrivacyUseCasesTest {

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final FakeErasures erasures = new FakeErasures();
    private final List<String> published = new ArrayList<>();
    private final RecordingSection purchases = new RecordingSection("purchases");
    private final RecordingSection profile = new RecordingSection("profile");
    private final PersonalDataSections sections = new PersonalDataSections(List.of(purchases, profile));
    private final Clock clock = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final ErasureEventPublisher events = new ErasureEventPublisher() {
        @Override
        public void customerErased(Erasure erasure) {
            published.add("customer-erased " + erasure.id());
        }

        @Override
        public void erasureConfirmed(Erasure erasure, ErasureConfirmation confirmation) {
            published.add("erasure-confirmed " + confirmation.service());
        }
    };
    private final EraseCustomerService erase = new EraseCustomerService(customers, erasures, sections, events, clock);
    private final ExportCustomerDataService export = new ExportCustomerDataService(customers, sections, clock);
    private final GetErasureProgressService progress = new GetErasureProgressService(erasures,
            () -> Set.of(ServiceName.CUSTOMER_SERVICE, new ServiceName("loyalty-service")));
    private final RecordErasureConfirmationService confirm = new RecordErasureConfirmationService(erasures);

    private Customer registered() {
        RegisterCustomerService register = new RegisterCustomerService(customers, new CustomerUniqueness(customers),
                customers, PhoneNumber::new, clock);
        return register.register(new RegisterCustomerCommand(null, "Ada", "Lovelace", "ada@example.com", null, null,
                null, null, null, null, null, null, null));
    }

    @Test
    void exportPutsTheProfileFirstAndTheOtherSectionsByName() {
        Customer customer = registered();

        PersonalDataExport document = export.export(customer.id().value());

        assertThat(document.sections().keySet()).containsExactly("profile", "purchases");
        assertThat(document.format()).isEqualTo("rapport.customer-export.v1");
        assertThat(document.exportedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> export.export(UUID.randomUUID())).isInstanceOf(CustomerNotFoundException.class);
    }

    @Test
    void erasureScrubsAuditsAndAnnouncesInOneGo() {
        Customer customer = registered();

        ErasureResult result = erase.erase(new EraseCustomerCommand(customer.id().value(), "jwt:alice", "asked by mail"));

        assertThat(result.created()).isTrue();
        assertThat(customers.stored.get(customer.id()).isErased()).isTrue();
        assertThat(customers.stored.get(customer.id()).profile().email()).isNull();
        assertThat(profile.erased).containsExactly(customer.id());
        assertThat(purchases.erased).containsExactly(customer.id());
        assertThat(result.erasure().requestedBy()).isEqualTo("jwt:alice");
        assertThat(result.erasure().reason()).isEqualTo("asked by mail");
        assertThat(published).containsExactly("customer-erased " + result.erasure().id(),
                "erasure-confirmed customer-service");
        assertThat(progress.progress(customer.id().value()).pending()).extracting(ServiceName::value)
                .containsExactly("loyalty-service");
    }

    @Test
    void aRepeatedErasureAnswersTheFirstAndDoesNothing() {
        Customer customer = registered();
        ErasureResult first = erase.erase(new EraseCustomerCommand(customer.id().value(), null, null));
        published.clear();

        ErasureResult again = erase.erase(new EraseCustomerCommand(customer.id().value(), "jwt:bob", "again"));

        assertThat(again.created()).isFalse();
        assertThat(again.erasure()).isEqualTo(first.erasure());
        assertThat(first.erasure().requestedBy()).isEqualTo("unknown");
        assertThat(published).isEmpty();
        assertThat(purchases.erased).hasSize(1);
        assertThatThrownBy(() -> export.export(customer.id().value())).isInstanceOf(CustomerErasedException.class);
    }

    @Test
    void badInputErasesNothing() {
        Customer customer = registered();

        assertThatThrownBy(() -> erase.erase(new EraseCustomerCommand(customer.id().value(), null, "x".repeat(501))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> erase.erase(new EraseCustomerCommand(UUID.randomUUID(), null, null)))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThat(customers.stored.get(customer.id()).isErased()).isFalse();
        assertThat(published).isEmpty();
        assertThatThrownBy(() -> progress.progress(customer.id().value())).isInstanceOf(ErasureNotFoundException.class);
    }

    @Test
    void confirmationsAreStoredOncePerServiceAndCheckedAgainstTheErasure() {
        Customer customer = registered();
        Erasure erasure = erase.erase(new EraseCustomerCommand(customer.id().value(), null, null)).erasure();
        UUID customerId = customer.id().value();
        Instant at = Instant.parse("2024-06-01T12:00:05Z");

        assertThat(confirm.record(new RecordErasureConfirmationCommand(customerId, erasure.id().value(), "loyalty-service", at))).isTrue();
        assertThat(confirm.record(new RecordErasureConfirmationCommand(customerId, erasure.id().value(), "loyalty-service", at.plusSeconds(1)))).isFalse();
        assertThat(confirm.record(new RecordErasureConfirmationCommand(customerId, UUID.randomUUID(), "loyalty-service", at)))
                .as("an erasure we do not know is ignored").isFalse();
        assertThatThrownBy(() -> confirm.record(new RecordErasureConfirmationCommand(UUID.randomUUID(), erasure.id().value(), "loyalty-service", at)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> confirm.record(new RecordErasureConfirmationCommand(customerId, erasure.id().value(), "Loyalty Service", at)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(progress.progress(customerId).complete()).isTrue();
        assertThat(progress.progress(customerId).confirmed()).filteredOn(c -> c.service().value().equals("loyalty-service"))
                .singleElement().satisfies(c -> assertThat(c.confirmedAt()).isEqualTo(at));
    }

    private static final class RecordingSection implements PersonalDataSection {
        private final String name;
        final List<CustomerId> erased = new ArrayList<>();

        RecordingSection(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object export(CustomerId id) {
            return Map.of("section", name);
        }

        @Override
        public void erase(CustomerId id) {
            erased.add(id);
        }
    }

    private static final class FakeErasures implements ErasureRepository {
        private final Map<ErasureId, Erasure> byId = new LinkedHashMap<>();
        private final List<ErasureConfirmation> confirmations = new ArrayList<>();

        @Override
        public Optional<Erasure> findByCustomer(CustomerId customerId) {
            return byId.values().stream().filter(e -> e.customerId().equals(customerId)).findFirst();
        }

        @Override
        public Optional<Erasure> findById(ErasureId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public void add(Erasure erasure) {
            byId.put(erasure.id(), erasure);
        }

        @Override
        public boolean addConfirmation(ErasureConfirmation confirmation) {
            boolean known = confirmations.stream().anyMatch(c -> c.erasureId().equals(confirmation.erasureId())
                    && c.service().equals(confirmation.service()));
            return !known && confirmations.add(confirmation);
        }

        @Override
        public List<ErasureConfirmation> confirmations(ErasureId erasureId) {
            return confirmations.stream().filter(c -> c.erasureId().equals(erasureId)).toList();
        }
    }
}
