package dev.rapport.feedback.application.port.in.customer;

/** Keeps the customer class that chooses a new complaint's SLA targets. */
public interface RecordCustomerClassUseCase {

    void record(RecordCustomerClassCommand command);
}
