package dev.rapport.feedback.application.port.in.customer;

/** customers-merged: moves the duplicate's feedback, survey answers, complaints and consent to the survivor. */
public interface MergeCustomersUseCase {
    void merge(MergeCustomersCommand command);
}
