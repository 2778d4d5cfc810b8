package dev.rapport.segmentation.application.port.in.purchase;

/** Counts a purchase once per purchase id and re-scores its customer against the current population. */
public interface RecordPurchaseUseCase {

    void record(RecordPurchaseCommand command);
}
