package dev.rapport.segmentation.adapter.in.rest;

import jakarta.ws.rs.ext.Provider;

import dev.rapport.http.DomainProblemMapper;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemTypes;
import dev.rapport.kernel.DomainException;
import dev.rapport.segmentation.domain.recompute.RecomputeJobNotFoundException;
import dev.rapport.segmentation.domain.score.CustomerNotScoredException;

/** The HTTP face of segmentation's domain rules; the kernel's exception types are mapped by the base class. */
@Provider
public class SegmentationProblemMapper extends DomainProblemMapper {

    @Override
    protected ProblemDetail serviceProblem(DomainException exception) {
        String detail = exception.getMessage();
        return switch (exception) {
            case CustomerNotScoredException notScored ->
                    ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Customer not known", detail);
            case RecomputeJobNotFoundException notFound ->
                    ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Recompute job not found", detail);
            default -> null;
        };
    }
}
