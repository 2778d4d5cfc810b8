package dev.rapport.customer.application.port.in.consent;

import dev.rapport.customer.domain.consent.ConsentRecord;

public interface RecordConsentUseCase {

    /**
     * Appends a consent statement to the customer's history (always, even when it repeats the current
     * status: it is evidence) and publishes consent-changed only when the current status of that
     * channel and purpose changes.
     *
     * @return the pair's current record afterwards; a back-dated statement may leave an older one current
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     */
    ConsentRecord record(RecordConsentCommand command);
}
