package dev.rapport.customer.adapter.in.rest.purchase;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurchasePage")
public record PurchasePageResponse(
        List<PurchaseResponse> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}
