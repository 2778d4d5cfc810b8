package dev.rapport.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void blankMeansAbsent() {
        assertThat(Texts.optional("   ", 10)).isNull();
        assertThat(Texts.optional(null, 10)).isNull();
        assertThat(Texts.optional(" a ", 10)).isEqualTo("a");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(Texts.optional("😀".repeat(10), 10)).hasSize(20);
        assertThatThrownBy(() -> Texts.optional("😀".repeat(11), 10)).hasMessage("must be at most 10 characters");
    }

    @Test
    void refusesControlCharacters() {
        assertThatThrownBy(() -> Texts.optional("a\u0000b", 10)).hasMessage("must not contain control characters");
    }
}
