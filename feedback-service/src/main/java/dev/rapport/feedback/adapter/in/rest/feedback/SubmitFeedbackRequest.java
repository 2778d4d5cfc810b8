package dev.rapport.feedback.adapter.in.rest.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "SubmitFeedbackRequest", description = "What a customer said, on which channel")
public record SubmitFeedbackRequest(
        @Schema(required = true, format = "uuid", examples = "018f2d3c-7a41-7c2e-9d7e-2b1f4e5a6c70") UUID customerId,
        @Schema(required = true, maxLength = 20,
                enumeration = {"survey", "interview", "review", "phone", "email", "chat", "social"}, examples = "review")
        String channel,
        @Schema(description = "Optional star rating", minimum = "1", maximum = "5", examples = "2") Integer rating,
        @Schema(required = true, minLength = 1, maxLength = 20000, examples = "Delivery was late and the price too high.")
        String text,
        @Schema(description = "zh, en or other; detected from the script when absent", maxLength = 5,
                enumeration = {"zh", "en", "other"}, examples = "en") String language) {
}
