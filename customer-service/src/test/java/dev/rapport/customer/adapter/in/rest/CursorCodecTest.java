package dev.rapport.customer.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.application.port.in.PageCursor;
import dev.rapport.http.ProblemException;

class CursorCodecTest {

    @Test
    void roundTripsWithMicrosecondsAndIsUrlSafe() {
        PageCursor cursor = new PageCursor(Instant.parse("2024-05-01T10:00:00.123456Z"), UUID.randomUUID());

        String encoded = CursorCodec.encode(CursorCodec.CUSTOMERS, cursor);

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(CursorCodec.decode(CursorCodec.CUSTOMERS, encoded)).isEqualTo(cursor);
    }

    @Test
    void refusesForeignAndBrokenCursors() {
        String purchases = CursorCodec.encode(CursorCodec.PURCHASES, new PageCursor(Instant.now(), UUID.randomUUID()));

        assertThatThrownBy(() -> CursorCodec.decode(CursorCodec.CUSTOMERS, purchases))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> CursorCodec.decode(CursorCodec.CUSTOMERS, "not a cursor!"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().errors().getFirst().field()).isEqualTo("cursor");
                });
        assertThat(CursorCodec.decode(CursorCodec.CUSTOMERS, null)).isNull();
    }
}
