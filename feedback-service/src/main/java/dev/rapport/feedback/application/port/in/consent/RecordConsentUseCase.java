package dev.rapport.feedback.application.port.in.consent;

/** Keeps the latest consent per customer, channel and purpose, as customer-service announced it. */
public interface RecordConsentUseCase {
    void record(RecordConsentCommand command);
}
