package dev.rapport.segmentation.application.port.in.lifecycle;

/** Applies a feedback or loyalty signal and re-derives the customer's lifecycle, churn risk and level. */
public interface RecordSignalUseCase {

    void record(RecordSignalCommand command);
}
