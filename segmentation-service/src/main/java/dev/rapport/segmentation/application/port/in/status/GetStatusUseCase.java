package dev.rapport.segmentation.application.port.in.status;

public interface GetStatusUseCase {

    ServiceStatus status();
}
