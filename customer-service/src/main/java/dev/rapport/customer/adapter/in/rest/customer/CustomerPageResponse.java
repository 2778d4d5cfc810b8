package dev.rapport.customer.adapter.in.rest.customer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerPage")
public record CustomerPageResponse(
        List<CustomerResponse> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}
