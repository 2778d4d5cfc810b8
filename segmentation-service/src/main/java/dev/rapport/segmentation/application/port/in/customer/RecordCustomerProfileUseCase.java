package dev.rapport.segmentation.application.port.in.customer;

public interface RecordCustomerProfileUseCase {

    void record(RecordCustomerProfileCommand command);
}
