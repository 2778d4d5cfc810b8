package dev.rapport.segmentation.application.port.in.score;

import java.util.Objects;

import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.segmentation.domain.lifecycle.ChurnLevel;
import dev.rapport.segmentation.domain.lifecycle.LifecycleStage;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.Segment;

/** Scored customers of the current run, by customer id; null filters match everything. */
public record ListCustomerSegmentsQuery(Segment segment, AbcClass abcClass, String externalId, LifecycleStage stage,
        ChurnLevel churnRisk, Integer relationshipLevel, PageRequest page) {

    /** Whether a filter that is derived at read time is set (the listing then scans). */
    public boolean derivedFilter() {
        return stage != null || churnRisk != null || relationshipLevel != null;
    }

    public ListCustomerSegmentsQuery {
        Objects.requireNonNull(page, "page");
    }
}
