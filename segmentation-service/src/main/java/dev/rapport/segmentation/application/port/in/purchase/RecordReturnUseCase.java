package dev.rapport.segmentation.application.port.in.purchase;

/** Keeps a return apart (it does not change R, F or M), once per return id. */
public interface RecordReturnUseCase {

    void record(RecordReturnCommand command);
}
