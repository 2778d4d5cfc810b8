package dev.rapport.feedback.adapter.in.rest;

/** Media type and shared example of the problems the resources document. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    public static final String VALIDATION_EXAMPLE = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "The request has invalid fields", "errors": [{"field": "channel", "message": "must be one of [survey, interview, review, phone, email, chat, social]"}]}""";

    private Problems() {
    }
}
