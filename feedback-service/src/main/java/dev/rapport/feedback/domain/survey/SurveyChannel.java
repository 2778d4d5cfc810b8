package dev.rapport.feedback.domain.survey;

/** How invitations reach customers; the same channels customer consent is given for. */
public enum SurveyChannel {
    EMAIL, SMS, PHONE, POST
}
