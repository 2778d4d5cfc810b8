package dev.rapport.segmentation.application.port.in.lifecycle;

import java.util.List;

/** Applies a feedback or loyalty signal and re-derives the customer's lifecycle, churn risk and level. */
public interface RecordSignalUseCase {

    void record(RecordSignalCommand command);

    /**
     * Several signals, in order, in one transaction: each applied as by {@link #record}, the net change of each
     * customer they concern published once.
     */
    void recordAll(List<RecordSignalCommand> commands);
}
