package dev.rapport.feedback.application.port.in.customer;

/**
 * customer-erased: removes the customer's personal text (feedback texts, complaint subjects, descriptions
 * and notes, survey comments) and consent copy, keeps scores, categories and times for KPIs, and answers
 * erasure-confirmed. Repeating it is harmless.
 */
public interface EraseCustomerDataUseCase {
    void erase(EraseCustomerDataCommand command);
}
