package dev.rapport.loyalty.adapter.in.rest.account;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LedgerPage")
public record LedgerPageResponse(
        @Schema(maxItems = 100) List<LedgerEntryResponse> items,
        @Schema(maxLength = 200, nullable = true, description = "Pass as ?cursor= for the next page; null on the last") String nextCursor) {
}
