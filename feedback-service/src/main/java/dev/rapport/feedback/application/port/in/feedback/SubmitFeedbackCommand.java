package dev.rapport.feedback.application.port.in.feedback;

import java.util.UUID;

/** Raw input of a feedback; validated by the domain. */
public record SubmitFeedbackCommand(UUID customerId, String channel, Integer rating, String text, String language) {
}
