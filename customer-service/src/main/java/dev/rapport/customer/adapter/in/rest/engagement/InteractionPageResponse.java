package dev.rapport.customer.adapter.in.rest.engagement;

import dev.rapport.customer.adapter.in.rest.Paging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.http.Cursors;

@Schema(name = "InteractionPage")
public record InteractionPageResponse(
        @Schema(description = "At most the limit asked for", maxItems = Paging.MAX_PAGE_SIZE) List<InteractionResponse> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page", nullable = true,
                maxLength = Cursors.MAX_LENGTH)
        String nextCursor) {
}
