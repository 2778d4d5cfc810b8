package dev.rapport.feedback.adapter.in.rest.complaint;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeComplaintStatusRequest", description = "The next status and an optional note")
public record ChangeStatusRequest(
        @Schema(required = true, maxLength = 20, enumeration = {"acknowledged", "in-progress", "waiting-on-customer",
                "resolved", "closed"}, examples = "acknowledged") String status,
        @Schema(maxLength = 2000, examples = "Called the customer back") String note) {
}
