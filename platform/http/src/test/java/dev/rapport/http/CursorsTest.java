package dev.rapport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.kernel.paging.PageCursor;

class CursorsTest {

    @Test
    void roundTripsWithMicrosecondsAndIsUrlSafe() {
        PageCursor cursor = new PageCursor(Instant.parse("2024-05-01T10:00:00.123456Z"), UUID.randomUUID());

        String encoded = Cursors.encode("c1", cursor);

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode("c1", encoded)).isEqualTo(cursor);
    }

    @Test
    void refusesForeignAndBrokenCursors() {
        String purchases = Cursors.encode("p1", new PageCursor(Instant.now(), UUID.randomUUID()));

        assertThatThrownBy(() -> Cursors.decode("c1", purchases))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursors.decode("c1", "not a cursor!"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().errors().getFirst().field()).isEqualTo("cursor");
                });
        assertThat(Cursors.decode("c1", null)).isNull();
    }

    @Test
    void theLongestCursorFitsTheDocumentedBoundAndLongerOnesAreRefused() {
        PageCursor extreme = new PageCursor(Instant.MIN, UUID.randomUUID());
        String longest = Cursors.encode("x".repeat(Cursors.KIND_MAX_LENGTH), extreme);

        assertThat(longest.length()).isLessThanOrEqualTo(Cursors.MAX_LENGTH);
        assertThat(Cursors.decode("x".repeat(Cursors.KIND_MAX_LENGTH), longest)).isEqualTo(extreme);
        assertThatThrownBy(() -> Cursors.decode("c1", "A".repeat(Cursors.MAX_LENGTH + 1)))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursors.encode("x".repeat(Cursors.KIND_MAX_LENGTH + 1), extreme))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
