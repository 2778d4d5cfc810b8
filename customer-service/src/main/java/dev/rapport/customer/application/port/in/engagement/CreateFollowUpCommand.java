package dev.rapport.customer.application.port.in.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

public record CreateFollowUpCommand(UUID customerId, String title, Instant dueAt, LocalDate dueDate, String owner,
                                    String note, UUID interactionId) {

    public CreateFollowUpCommand {
        Objects.requireNonNull(customerId, "customerId");
    }
}
