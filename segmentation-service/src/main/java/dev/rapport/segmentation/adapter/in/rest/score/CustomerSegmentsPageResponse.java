package dev.rapport.segmentation.adapter.in.rest.score;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerSegmentsPage")
public record CustomerSegmentsPageResponse(
        @Schema(maxItems = 1000) List<CustomerSegmentsResponse> items,
        @Schema(description = "Cursor of the next page; null on the last", maxLength = 200, nullable = true)
        String nextCursor) {
}
