package dev.rapport.feedback.application.port.in.complaint;

import java.util.UUID;

/** Raw input of a complaint; validated by the domain. Priority defaults to normal. */
public record OpenComplaintCommand(UUID customerId, String channel, String category, String priority, String subject,
                                   String description) {
}
