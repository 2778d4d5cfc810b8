package dev.rapport.customer.domain.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;

class InteractionTest {

    private static final Instant NOW = Instant.parse("2024-05-03T10:16:00Z");
    private final CustomerId customer = CustomerId.newId();

    private Interaction log(String summary, Instant occurredAt, String key) {
        return Interaction.log(InteractionId.newId(), customer, "phone", "inbound", summary, occurredAt, "j.smith", key,
                NOW);
    }

    @Test
    void occurredAtDefaultsToNowAndTextIsTrimmed() {
        Interaction interaction = log("  Asked about delivery ", null, null);

        assertThat(interaction.occurredAt()).isEqualTo(NOW);
        assertThat(interaction.summary()).isEqualTo("Asked about delivery");
        assertThat(interaction.channel()).isEqualTo(InteractionChannel.PHONE);
        assertThat(interaction.direction()).isEqualTo(InteractionDirection.INBOUND);
        assertThat(interaction.idempotencyKey()).isNull();
    }

    @Test
    void reportsEveryInvalidField() {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> Interaction.log(InteractionId.newId(), customer, "fax", "sideways", "s".repeat(2001),
                        NOW.plusSeconds(3600), "a".repeat(101), "has space", NOW));

        assertThat(invalid.violations()).extracting(FieldViolation::field)
                .containsExactly("channel", "direction", "summary", "occurredAt", "agent", "Idempotency-Key");
    }

    @Test
    void aRetryIsTheSameContactEvenWithAnotherOccurredAt() {
        Interaction first = log("Asked about delivery", null, "k-1");

        assertThat(first.isSameAs(log("Asked about delivery", NOW.minusSeconds(30), "k-1"))).isTrue();
        assertThat(first.isSameAs(log("Asked about returns", null, "k-1"))).isFalse();
    }
}
