package dev.rapport.customer.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.kernel.InvalidValueException;

class EmailAddressTest {

    @Test
    void isTrimmedAndLowerCased() {
        assertThat(new EmailAddress("  Ada.Lovelace@Example.COM ").value()).isEqualTo("ada.lovelace@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a@b.co", "first.last+tag@sub.example.org", "o'brien@example.ie", "x_y-z@xn--bcher-kva.example",
            "user@example.museum" })
    void acceptsCommonAddresses(String email) {
        assertThat(new EmailAddress(email).value()).isEqualTo(email.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "plain", "@example.com", "ada@", "ada@example", "ada@@example.com", "ada@exa mple.com",
            "ada..lovelace@example.com", ".ada@example.com", "ada.@example.com", "ada@-example.com", "ada@example.c",
            "ada@example.123", "\"quoted\"@example.com", "adä@example.com", "ada@[127.0.0.1]" })
    void refusesWhatIsNotAnAddress(String email) {
        assertThatThrownBy(() -> new EmailAddress(email)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesOverlongAddresses() {
        String local = "a".repeat(65);
        assertThatThrownBy(() -> new EmailAddress(local + "@example.com"))
                .isInstanceOf(InvalidValueException.class);
        String domain = "d".repeat(62) + "." + "e".repeat(62) + "." + "f".repeat(62) + "." + "g".repeat(62) + ".com";
        assertThatThrownBy(() -> new EmailAddress("a@" + domain))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be at most 254 characters");
    }
}
