package dev.rapport.segmentation.application.port.in.customer;

/** Removes the customer's personal traces and confirms the erasure. */
public interface EraseCustomerUseCase {

    void erase(EraseCustomerCommand command);
}
