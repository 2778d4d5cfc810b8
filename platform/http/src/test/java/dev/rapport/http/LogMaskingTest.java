package dev.rapport.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

    @Test
    void emailKeepsFirstLetterAndDomain() {
        assertThat(LogMasking.email("ada@example.com")).isEqualTo("a***@example.com");
        assertThat(LogMasking.email("x@y.org")).isEqualTo("x***@y.org");
    }

    @Test
    void somethingThatIsNoEmailIsMaskedCompletely() {
        assertThat(LogMasking.email("ada")).isEqualTo("***");
        assertThat(LogMasking.email("@example.com")).isEqualTo("***");
        assertThat(LogMasking.email("ada@")).isEqualTo("***");
        assertThat(LogMasking.email(null)).isNull();
    }

    @Test
    void phoneKeepsCountryCodeAndLastTwoDigits() {
        assertThat(LogMasking.phone("+442079460958")).isEqualTo("+44********58");
        assertThat(LogMasking.phone("4155552671")).isEqualTo("********71");
        assertThat(LogMasking.phone("+4412")).isEqualTo("*****");
        assertThat(LogMasking.phone(null)).isNull();
    }

    @Test
    void scrubMasksEveryEmailAndPhoneInFreeText() {
        String detail = "Key (email)=(ada.lovelace@example.com) already exists; call +44 20 7946 0958 or "
                + "bob@example.org or (415) 555-2671 or 4155552671 at 2024-05-01T09:30:00Z, order 536365, "
                + "customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d";

        String scrubbed = LogMasking.scrub(detail);

        assertThat(scrubbed).doesNotContain("ada.lovelace", "7946", "bob@", "555-2671", "4155552671");
        assertThat(scrubbed).contains("a***@example.com", "b***@example.org", "+44", "58");
        assertThat(scrubbed).as("timestamps and short numbers stay readable")
                .contains("2024-05-01T09:30:00Z", "order 536365", "customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d");
        assertThat(LogMasking.scrub(null)).isNull();
    }
}
