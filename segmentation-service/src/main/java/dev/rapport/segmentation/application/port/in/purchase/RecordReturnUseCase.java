package dev.rapport.segmentation.application.port.in.purchase;

import java.util.List;

/** Keeps a return apart (it does not change R, F or M), once per return id. */
public interface RecordReturnUseCase {

    void record(RecordReturnCommand command);

    /** Several returns, in order, in one transaction, each kept as by {@link #record}. */
    void recordAll(List<RecordReturnCommand> commands);
}
