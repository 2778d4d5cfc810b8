package dev.rapport.segmentation.application.port.out.clv;

import java.util.List;
import java.util.Optional;

import dev.rapport.segmentation.domain.clv.ClvModel;
import dev.rapport.segmentation.domain.clv.CustomerHistory;

/** The data the lifetime-value models are fitted on, and the fitted models per run. */
public interface ClvModelRepository {

    /** A uniform sample of at most {@code sampleSize} of the run's customers, in weeks. */
    List<CustomerHistory> histories(long runId, int sampleSize);

    /** Days from the run's earliest first purchase to its asOf (0 for an empty run). */
    long historyDays(long runId);

    void save(long runId, ClvModel model);

    Optional<ClvModel> find(long runId);
}
