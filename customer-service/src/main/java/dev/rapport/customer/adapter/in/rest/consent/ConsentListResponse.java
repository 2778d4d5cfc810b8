package dev.rapport.customer.adapter.in.rest.consent;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsentList", description = "Complete, not paged: a customer has at most 12 current consents "
        + "and a short history")
public record ConsentListResponse(
        @Schema(description = "Current consents: at most 12 (4 channels x 3 purposes). The history has no "
                + "business limit; maxItems is the largest list the service can build", maxItems = Integer.MAX_VALUE)
        List<ConsentResponse> items) {
}
