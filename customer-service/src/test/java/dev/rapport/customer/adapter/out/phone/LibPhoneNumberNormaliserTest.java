package dev.rapport.customer.adapter.out.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.kernel.InvalidValueException;

class LibPhoneNumberNormaliserTest {

    private final LibPhoneNumberNormaliser us = new LibPhoneNumberNormaliser("US");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+44 20 7946 0958   | +442079460958",
            "0044 20 7946 0958  | +442079460958",
            "(415) 555-2671     | +14155552671",
            "415.555.2671       | +14155552671",
            "+1 (415) 555-2671  | +14155552671",
            "+49 30 901820      | +4930901820",
            "+33 1 42 68 53 00  | +33142685300" })
    void normalisesCommonFormatsToE164(String typed, String e164) {
        assertThat(us.normalise(typed).e164()).isEqualTo(e164);
    }

    @Test
    void theDefaultRegionAppliesToNationalNumbers() {
        LibPhoneNumberNormaliser gb = new LibPhoneNumberNormaliser("gb");

        assertThat(gb.normalise("020 7946 0958").e164()).isEqualTo("+442079460958");
        assertThatThrownBy(() -> gb.normalise("(415) 555-2671")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "hello", "12", "+1 415", "+999 1234567", "555-2671", "+44 20 7946 0958 ext. 12",
            "+1 415 555 2671 0000 0000 0000 0000 0000 0000" })
    void refusesWhatIsNotAValidNumber(String typed) {
        assertThatThrownBy(() -> us.normalise(typed)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesAnUnknownDefaultRegion() {
        assertThatThrownBy(() -> new LibPhoneNumberNormaliser("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
