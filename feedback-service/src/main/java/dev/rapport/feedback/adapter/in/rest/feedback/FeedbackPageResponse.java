package dev.rapport.feedback.adapter.in.rest.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "FeedbackPage")
public record FeedbackPageResponse(
        @Schema(maxItems = 100) List<FeedbackResponse> items,
        @Schema(description = "Pass as ?cursor= for the next page; null on the last page", maxLength = 200, nullable = true)
        String nextCursor) {
}
