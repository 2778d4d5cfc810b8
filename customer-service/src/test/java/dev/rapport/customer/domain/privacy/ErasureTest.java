package dev.rapport.customer.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.InvalidValueException;

class ErasureTest {

    private static final Instant AT = Instant.parse("2024-06-01T12:00:00Z");
    private static final Set<ServiceName> REQUIRED = Set.of(new ServiceName("customer-service"),
            new ServiceName("loyalty-service"), new ServiceName("feedback-service"));

    private final Erasure erasure = new Erasure(ErasureId.newId(), CustomerId.newId(), AT, "jwt:alice", " gdpr ");

    @Test
    void requesterDefaultsToUnknownAndTextIsTrimmed() {
        Erasure anonymous = new Erasure(ErasureId.newId(), CustomerId.newId(), AT, "  ", null);

        assertThat(anonymous.requestedBy()).isEqualTo("unknown");
        assertThat(anonymous.reason()).isNull();
        assertThat(erasure.reason()).isEqualTo("gdpr");
    }

    @Test
    void overlongReasonOrRequesterIsRefused() {
        assertThatThrownBy(() -> new Erasure(ErasureId.newId(), CustomerId.newId(), AT, null, "x".repeat(501)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Erasure(ErasureId.newId(), CustomerId.newId(), AT, "x".repeat(201), null))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void serviceNamesAreLowerCaseWords() {
        assertThat(new ServiceName("loyalty-service").value()).isEqualTo("loyalty-service");
        for (String bad : new String[] {"Loyalty", "loyalty service", "-x", "x", "", "a".repeat(65)}) {
            assertThatThrownBy(() -> new ServiceName(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void progressListsConfirmedAndPendingServices() {
        ErasureProgress progress = ErasureProgress.of(erasure, REQUIRED, List.of(
                confirmation("customer-service", AT)));

        assertThat(progress.requiredServices()).extracting(ServiceName::value)
                .containsExactly("customer-service", "feedback-service", "loyalty-service");
        assertThat(progress.confirmed()).extracting(c -> c.service().value()).containsExactly("customer-service");
        assertThat(progress.pending()).extracting(ServiceName::value).containsExactly("feedback-service", "loyalty-service");
        assertThat(progress.complete()).isFalse();
    }

    @Test
    void completeWhenEveryRequiredServiceConfirmed() {
        ErasureProgress progress = ErasureProgress.of(erasure, REQUIRED, List.of(
                confirmation("loyalty-service", AT.plusSeconds(2)),
                confirmation("customer-service", AT),
                confirmation("feedback-service", AT.plusSeconds(1))));

        assertThat(progress.complete()).isTrue();
        assertThat(progress.pending()).isEmpty();
        assertThat(progress.confirmed()).extracting(c -> c.service().value())
                .as("in the order they arrived").containsExactly("customer-service", "feedback-service", "loyalty-service");
    }

    @Test
    void anUnrequiredServiceIsListedButDoesNotCount() {
        ErasureProgress progress = ErasureProgress.of(erasure, REQUIRED, List.of(
                confirmation("customer-service", AT), confirmation("billing-service", AT.plusSeconds(1))));

        assertThat(progress.confirmed()).hasSize(2);
        assertThat(progress.pending()).hasSize(2);
        assertThat(progress.complete()).isFalse();
    }

    @Test
    void theFirstConfirmationOfAServiceIsKept() {
        ErasureProgress progress = ErasureProgress.of(erasure, REQUIRED, List.of(
                confirmation("loyalty-service", AT.plusSeconds(9)), confirmation("loyalty-service", AT.plusSeconds(3))));

        assertThat(progress.confirmed()).singleElement()
                .satisfies(c -> assertThat(c.confirmedAt()).isEqualTo(AT.plusSeconds(3)));
    }

    private ErasureConfirmation confirmation(String service, Instant at) {
        return new ErasureConfirmation(erasure.id(), new ServiceName(service), at);
    }
}
