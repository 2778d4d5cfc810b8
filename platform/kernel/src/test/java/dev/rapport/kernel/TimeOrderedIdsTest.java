package dev.rapport.kernel;

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

    @Test
    void consecutiveIdsOfOneProcessStrictlyIncreaseAlsoWithinOneMillisecond() {
        // Compared as PostgreSQL compares uuid values (unsigned bytes), i.e. as lower-case hex strings.
        UUID previous = TimeOrderedIds.next();
        int sameMillisecond = 0;
        for (int i = 0; i < 100_000; i++) {
            UUID id = TimeOrderedIds.next();
            assertThat(id.toString()).isGreaterThan(previous.toString());
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            if (id.getMostSignificantBits() >>> 16 == previous.getMostSignificantBits() >>> 16) {
                sameMillisecond++;
            }
            previous = id;
        }
        assertThat(sameMillisecond).as("ids sharing a millisecond, the case the counter exists for").isPositive();
    }

    @Test
    void idsCarryTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after + 1);
    }
}
