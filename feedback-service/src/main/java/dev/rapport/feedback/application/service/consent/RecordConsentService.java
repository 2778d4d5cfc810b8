package dev.rapport.feedback.application.service.consent;

import dev.rapport.feedback.application.port.in.consent.RecordConsentCommand;
import dev.rapport.feedback.application.port.in.consent.RecordConsentUseCase;
import dev.rapport.feedback.application.port.out.consent.ConsentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Objects;

@ApplicationScoped
public class RecordConsentService implements RecordConsentUseCase {

    private final ConsentRepository consents;

    public RecordConsentService(ConsentRepository consents) {
        this.consents = consents;
    }

    @Override
    @Transactional
    public void record(RecordConsentCommand c) {
        if (c.customerId() == null || c.channel() == null || c.purpose() == null || c.status() == null) {
            throw new IllegalArgumentException("consent-changed without customer, channel, purpose or status");
        }
        consents.record(c.customerId(), c.channel(), c.purpose(), c.status(),
                Objects.requireNonNullElse(c.capturedAt(), java.time.Instant.EPOCH));
    }
}
