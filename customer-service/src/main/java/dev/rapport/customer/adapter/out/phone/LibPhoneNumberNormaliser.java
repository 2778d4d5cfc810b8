package dev.rapport.customer.adapter.out.phone;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.rapport.customer.application.port.out.customer.PhoneNumberNormaliser;
import dev.rapport.customer.config.CustomerServiceConfig;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.kernel.InvalidValueException;

/**
 * E.164 normalisation with Google's libphonenumber, which knows every country's numbering plan.
 * Numbers must be valid (not merely plausible) for their country; extensions are refused because
 * E.164 cannot carry them.
 */
@ApplicationScoped
public class LibPhoneNumberNormaliser implements PhoneNumberNormaliser {

    /** Generous for formatting characters, small enough to refuse pasted paragraphs early. */
    static final int MAX_INPUT_LENGTH = PhoneNumber.INPUT_MAX_LENGTH;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    @Inject
    public LibPhoneNumberNormaliser(CustomerServiceConfig config) {
        this(config.phone().defaultRegion());
    }

    LibPhoneNumberNormaliser(String defaultRegion) {
        String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("rapport.customer.phone.default-region is not a known region: "
                    + defaultRegion);
        }
        this.defaultRegion = region;
    }

    @Override
    public PhoneNumber normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("must not be blank");
        }
        if (raw.length() > MAX_INPUT_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_INPUT_LENGTH + " characters");
        }
        String typed = raw.strip();
        // "00" is the international prefix across most of the world; no national number starts with it.
        if (typed.startsWith("00")) {
            typed = "+" + typed.substring(2);
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(typed, defaultRegion);
        } catch (NumberParseException notANumber) {
            throw new InvalidValueException("is not a phone number; use international form like +44 20 7946 0958");
        }
        if (parsed.hasExtension()) {
            throw new InvalidValueException("must not have an extension");
        }
        if (!util.isValidNumber(parsed)) {
            throw new InvalidValueException("is not a valid phone number (assumed region " + defaultRegion
                    + " when no +country code is given)");
        }
        return new PhoneNumber(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    }
}
