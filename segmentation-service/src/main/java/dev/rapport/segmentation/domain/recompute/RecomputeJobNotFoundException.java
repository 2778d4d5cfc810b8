package dev.rapport.segmentation.domain.recompute;

import dev.rapport.kernel.DomainException;

/** No recompute job has this id. */
public class RecomputeJobNotFoundException extends DomainException {

    public RecomputeJobNotFoundException(String id) {
        super("No recompute job " + id + ".");
    }
}
