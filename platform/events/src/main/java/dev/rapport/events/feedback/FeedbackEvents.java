package dev.rapport.events.feedback;

/** Facts about the events feedback-service publishes on {@link dev.rapport.events.Topics#FEEDBACK_EVENTS}. */
public final class FeedbackEvents {

    public static final String SOURCE = "/rapport/feedback-service";

    private FeedbackEvents() {
    }
}
