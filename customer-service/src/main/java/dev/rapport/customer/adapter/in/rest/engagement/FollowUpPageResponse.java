package dev.rapport.customer.adapter.in.rest.engagement;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FollowUpPage")
public record FollowUpPageResponse(
        List<FollowUpResponse> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}
