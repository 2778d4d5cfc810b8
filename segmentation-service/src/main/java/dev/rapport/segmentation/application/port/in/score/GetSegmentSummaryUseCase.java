package dev.rapport.segmentation.application.port.in.score;

public interface GetSegmentSummaryUseCase {

    SegmentSummary summary();
}
