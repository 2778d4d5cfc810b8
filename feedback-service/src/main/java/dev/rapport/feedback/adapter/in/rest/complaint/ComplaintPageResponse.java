package dev.rapport.feedback.adapter.in.rest.complaint;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ComplaintPage")
public record ComplaintPageResponse(
        @Schema(maxItems = 100) List<ComplaintResponse> items,
        @Schema(description = "Pass as ?cursor= for the next page; null on the last page", maxLength = 200, nullable = true)
        String nextCursor) {
}
