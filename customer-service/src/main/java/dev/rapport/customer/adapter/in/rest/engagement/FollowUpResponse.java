package dev.rapport.customer.adapter.in.rest.engagement;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.kernel.WireNames;

@Schema(name = "FollowUp")
public record FollowUpResponse(
        UUID id,
        UUID customerId,
        @Schema(maxLength = FollowUp.TITLE_MAX) String title,
        Instant dueAt,
        @Schema(maxLength = FollowUp.OWNER_MAX) String owner,
        @Schema(maxLength = FollowUp.NOTE_MAX) String note,
        UUID interactionId,
        @Schema(enumeration = { "open", "done", "cancelled" }) String status,
        @Schema(description = "Open and due before now (when answered)") boolean overdue,
        Instant createdAt,
        @Schema(description = "When it was completed or cancelled", nullable = true) Instant closedAt) {

    static FollowUpResponse of(FollowUp f, Instant now) {
        return new FollowUpResponse(f.id().value(), f.customerId().value(), f.title(), f.dueAt(), f.owner(), f.note(),
                f.interactionId() == null ? null : f.interactionId().value(), WireNames.of(f.status()),
                f.isOverdue(now), f.createdAt(), f.closedAt());
    }
}
