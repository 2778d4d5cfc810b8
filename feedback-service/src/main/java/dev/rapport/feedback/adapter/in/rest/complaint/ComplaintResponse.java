package dev.rapport.feedback.adapter.in.rest.complaint;

import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.ComplaintTransition;
import dev.rapport.kernel.WireNames;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Complaint", description = "A complaint with its SLA clocks; subject and description are null after erasure")
public record ComplaintResponse(
        UUID id,
        UUID customerId,
        @Schema(maxLength = 20) String channel,
        @Schema(maxLength = 50) String category,
        @Schema(maxLength = 10, enumeration = {"low", "normal", "high", "urgent"}) String priority,
        @Schema(description = "The customer's class when the complaint was opened; it chose the SLA targets",
                maxLength = 20, enumeration = {"standard", "top-tier", "key-account"}) String serviceClass,
        @Schema(maxLength = 200, nullable = true) String subject,
        @Schema(maxLength = 10000, nullable = true) String description,
        @Schema(maxLength = 20, enumeration = {"new", "acknowledged", "in-progress", "waiting-on-customer", "resolved", "closed"})
        String status,
        @Schema(nullable = true) UUID assignee,
        Instant openedAt,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        @Schema(nullable = true, format = "date-time") Instant firstRespondedAt,
        @Schema(nullable = true, format = "date-time") Instant resolvedAt,
        @Schema(description = "Set while waiting on the customer: the SLA clock is paused", nullable = true, format = "date-time") Instant pausedSince,
        boolean firstResponseBreached,
        boolean resolutionBreached,
        @Schema(maxItems = 1000) List<Transition> history) {

    @Schema(name = "ComplaintTransition")
    public record Transition(
            @Schema(maxLength = 20, nullable = true) String from,
            @Schema(maxLength = 20) String to,
            Instant at,
            @Schema(maxLength = 2000, nullable = true) String note) {

        static Transition of(ComplaintTransition t) {
            return new Transition(t.from() == null ? null : t.from().wireName(), t.to().wireName(), t.at(), t.note());
        }
    }

    public static ComplaintResponse of(Complaint c, Instant now) {
        return new ComplaintResponse(c.id(), c.customerId(), WireNames.of(c.channel()), c.category(),
                WireNames.of(c.priority()), c.serviceClass().wireName(), c.subject(), c.description(), c.status().wireName(), c.assignee(),
                c.openedAt(), c.firstResponseDueAt(), c.resolutionDueAt(), c.firstRespondedAt(), c.resolvedAt(),
                c.pausedSince(), c.firstResponseBreached(now), c.resolutionBreached(now),
                c.history().stream().map(Transition::of).toList());
    }
}
