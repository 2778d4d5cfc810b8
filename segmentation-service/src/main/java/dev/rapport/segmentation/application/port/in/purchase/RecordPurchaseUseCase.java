package dev.rapport.segmentation.application.port.in.purchase;

import java.util.List;

/** Counts a purchase once per purchase id and re-scores its customer against the current population. */
public interface RecordPurchaseUseCase {

    void record(RecordPurchaseCommand command);

    /**
     * Several purchases, in order, in one transaction: each counted as by {@link #record}, each customer they
     * concern re-scored once from all of its purchases, publishing the net change of its scores.
     */
    void recordAll(List<RecordPurchaseCommand> commands);
}
