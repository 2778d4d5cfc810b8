package dev.rapport.customer.adapter.in.rest.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /customers/{survivorId}/merge}. A string, so a malformed id gets a clear field error. */
@Schema(name = "MergeCustomersRequest", description = "The customer to merge into the one in the URL")
public record MergeCustomersRequest(
        @Schema(description = "Id of the duplicate; it becomes a tombstone pointing to the survivor", required = true,
                format = "uuid", maxLength = 36, examples = "0190f3c4-5d6e-7a8b-9c0d-000000000002")
        String duplicateId) {
}
