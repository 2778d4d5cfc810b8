package dev.rapport.customer.domain.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.kernel.InvalidValueException;

class MoneyTest {

    private static final CurrencyCode GBP = new CurrencyCode("GBP");

    @Test
    void isKeptAtTheCurrencysScale() {
        assertThat(new Money(new BigDecimal("12.5"), GBP).toPlainString()).isEqualTo("12.50");
        assertThat(new Money(new BigDecimal("12.500"), GBP).toPlainString()).isEqualTo("12.50");
        assertThat(new Money(new BigDecimal("1200"), new CurrencyCode("JPY")).toPlainString()).isEqualTo("1200");
        assertThat(new Money(new BigDecimal("1.234"), new CurrencyCode("bhd")).toPlainString()).isEqualTo("1.234");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
        assertThatThrownBy(() -> new Money(new BigDecimal("0.005"), GBP))
                .hasMessage("must have at most 2 decimal places for GBP");
        assertThatThrownBy(() -> new Money(new BigDecimal("10.5"), new CurrencyCode("JPY")))
                .hasMessage("must have at most 0 decimal places for JPY");
    }

    @Test
    void isNeverNegative() {
        assertThatThrownBy(() -> new Money(new BigDecimal("-0.01"), GBP)).hasMessage("must not be negative");
        assertThatThrownBy(() -> new Money(new BigDecimal("5"), GBP).minus(new Money(new BigDecimal("6"), GBP)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void addsAndMultipliesExactly() {
        Money price = new Money(new BigDecimal("0.10"), GBP);
        assertThat(price.times(3).plus(new Money(new BigDecimal("0.20"), GBP)).toPlainString()).isEqualTo("0.50");
    }

    @Test
    void doesNotMixCurrencies() {
        assertThatThrownBy(() -> Money.zero(GBP).plus(Money.zero(new CurrencyCode("EUR"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "GB", "GBPP", "ZZZ", "XAU", "12A" })
    void currencyCodesAreIso4217WithMinorUnits(String code) {
        assertThatThrownBy(() -> new CurrencyCode(code)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void currencyCodesAreUpperCased() {
        assertThat(new CurrencyCode(" eur ").code()).isEqualTo("EUR");
    }
}
