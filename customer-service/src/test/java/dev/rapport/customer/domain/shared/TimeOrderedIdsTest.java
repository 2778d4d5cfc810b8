package dev.rapport.customer.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void areVersion7WithTheTimestampInFront() {
        Instant at = Instant.parse("2024-05-01T10:00:00.123Z");

        UUID id = TimeOrderedIds.at(at);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        UUID earlier = TimeOrderedIds.at(Instant.parse("2024-05-01T10:00:00Z"));
        UUID later = TimeOrderedIds.at(Instant.parse("2024-05-01T10:00:00.001Z"));

        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }
}
