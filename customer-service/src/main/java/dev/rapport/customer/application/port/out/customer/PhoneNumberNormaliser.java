package dev.rapport.customer.application.port.out.customer;

import dev.rapport.customer.domain.customer.PhoneNumber;

/** Turns what people type ("(415) 555-2671", "+44 20 7946 0958") into E.164. */
public interface PhoneNumberNormaliser {

    /** @throws dev.rapport.kernel.InvalidValueException when it is not a valid phone number */
    PhoneNumber normalise(String raw);
}
