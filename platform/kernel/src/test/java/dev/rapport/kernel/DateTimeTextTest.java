package dev.rapport.kernel;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeTextTest {

    @Test
    void readsTheLayoutWithEitherSeparator() {
        assertThat(DateTimeText.localDateTime("2010-12-01 08:26:00", ' ')).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
        assertThat(DateTimeText.localDateTime("2024-02-29T23:59:59.5Z", 'T'))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
    }

    @Test
    void anythingElseIsLeftToTheCaller() {
        assertThat(DateTimeText.localDateTime("2010-12-01T08:26:00", ' ')).isNull();
        assertThat(DateTimeText.localDateTime("2010-12-01 08:26", ' ')).isNull();
        assertThat(DateTimeText.localDateTime("2010-1x-01 08:26:00", ' ')).isNull();
        assertThat(DateTimeText.localDateTime("2023-02-29 08:26:00", ' ')).as("no such day").isNull();
        assertThat(DateTimeText.localDateTime("2010-12-01 24:00:00", ' ')).isNull();
        assertThat(DateTimeText.localDateTime("2010-12-01 23:59:60", ' ')).as("leap second").isNull();
    }

    @Test
    void digitsAreAsciiOnly() {
        assertThat(DateTimeText.digits("x2026y", 1, 5)).isEqualTo(2026);
        assertThat(DateTimeText.digits("20-6", 0, 4)).isEqualTo(-1);
        assertThat(DateTimeText.digits("２０２６", 0, 4)).as("full-width digits").isEqualTo(-1);
    }
}
