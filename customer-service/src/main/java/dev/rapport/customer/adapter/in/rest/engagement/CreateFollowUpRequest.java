package dev.rapport.customer.adapter.in.rest.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.engagement.FollowUp;

@Schema(name = "CreateFollowUpRequest", description = "A task to get back to the customer; give dueAt or dueDate")
public record CreateFollowUpRequest(
        @Schema(required = true, maxLength = FollowUp.TITLE_MAX, examples = "Call back about the delivery") String title,
        @Schema(description = "Due time; exactly one of dueAt and dueDate") Instant dueAt,
        @Schema(description = "Due by the end of this day in the configured follow-up zone (rapport.customer.follow-ups.zone)")
        LocalDate dueDate,
        @Schema(description = "Who must do it", required = true, maxLength = FollowUp.OWNER_MAX, examples = "j.smith") String owner,
        @Schema(maxLength = FollowUp.NOTE_MAX) String note,
        @Schema(description = "An interaction of this customer the task comes from") UUID interactionId) {
}
