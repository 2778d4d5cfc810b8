package dev.rapport.segmentation.application.port.in.score;

import java.util.Objects;

import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.Segment;

/** Scored customers of the current run, by customer id; null filters match everything. */
public record ListCustomerSegmentsQuery(Segment segment, AbcClass abcClass, String externalId, PageRequest page) {

    public ListCustomerSegmentsQuery {
        Objects.requireNonNull(page, "page");
    }
}
