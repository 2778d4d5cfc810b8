package dev.rapport.feedback.domain.survey;

import java.util.List;
import java.util.UUID;

/** Who was invited and who was skipped, with the reason ({@code no-consent}, {@code throttled}, {@code duplicate}). */
public record InvitationOutcome(List<UUID> invited, List<Skipped> skipped) {

    public record Skipped(UUID customerId, String reason) {
    }
}
