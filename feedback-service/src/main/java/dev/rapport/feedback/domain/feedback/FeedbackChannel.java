package dev.rapport.feedback.domain.feedback;

/** Where a customer's voice was heard. */
public enum FeedbackChannel {
    SURVEY, INTERVIEW, REVIEW, PHONE, EMAIL, CHAT, SOCIAL
}
