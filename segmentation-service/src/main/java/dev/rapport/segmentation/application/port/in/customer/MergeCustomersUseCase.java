package dev.rapport.segmentation.application.port.in.customer;

/** Folds the duplicate's purchases (and so its aggregates) into the survivor and re-scores the survivor. */
public interface MergeCustomersUseCase {

    void merge(MergeCustomersCommand command);
}
