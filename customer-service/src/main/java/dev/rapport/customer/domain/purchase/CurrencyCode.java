package dev.rapport.customer.domain.purchase;

import java.util.Currency;
import java.util.Locale;

import dev.rapport.kernel.InvalidValueException;

/** An ISO 4217 currency that has minor units (so not XAU or XXX), upper-case. */
public record CurrencyCode(String code) {

    public CurrencyCode {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("must not be blank");
        }
        code = code.strip().toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = code.length() == 3 ? Currency.getInstance(code) : null;
        } catch (IllegalArgumentException unknown) {
            currency = null;
        }
        if (currency == null) {
            throw new InvalidValueException("must be an ISO 4217 currency code like GBP");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidValueException("must be a currency of money, not a commodity or test code");
        }
    }

    /** Digits after the decimal point (2 for GBP, 0 for JPY, 3 for BHD). */
    public int minorUnits() {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    @Override
    public String toString() {
        return code;
    }
}
