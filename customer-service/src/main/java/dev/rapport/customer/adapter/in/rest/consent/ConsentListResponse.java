package dev.rapport.customer.adapter.in.rest.consent;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsentList", description = "Complete, not paged: a customer has at most 12 current consents "
        + "and a short history")
public record ConsentListResponse(List<ConsentResponse> items) {
}
