package dev.rapport.feedback.adapter.in.rest.complaint;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "OpenComplaintRequest", description = "A customer's complaint")
public record OpenComplaintRequest(
        @Schema(required = true, format = "uuid", examples = "018f2d3c-7a41-7c2e-9d7e-2b1f4e5a6c70") UUID customerId,
        @Schema(required = true, maxLength = 20,
                enumeration = {"survey", "interview", "review", "phone", "email", "chat", "social"}, examples = "phone")
        String channel,
        @Schema(required = true, maxLength = 50, pattern = "^[a-z0-9][a-z0-9-]*$", examples = "billing") String category,
        @Schema(description = "normal when absent", maxLength = 10, enumeration = {"low", "normal", "high", "urgent"},
                examples = "high") String priority,
        @Schema(required = true, minLength = 1, maxLength = 200, examples = "Charged twice for one order") String subject,
        @Schema(required = true, minLength = 1, maxLength = 10000, examples = "My card was charged twice on 2 March.")
        String description) {
}
