package dev.rapport.customer.adapter.in.rest.engagement;

/** Example documents for consent, interactions and follow-ups (OpenAPI); see {@link ApiExamples}. */
public final class EngagementExamples {

    public static final String RECORD_CONSENT = """
            {"status": "granted", "source": "web-form", "capturedAt": "2024-05-01T09:31:00Z"}""";

    public static final String CONSENT = """
            {"channel": "email", "purpose": "marketing", "status": "granted", "source": "web-form",
             "capturedAt": "2024-05-01T09:31:00Z", "recordedAt": "2024-05-01T09:31:00.412345Z"}""";

    public static final String CONSENT_LIST = """
            {"items": [""" + CONSENT + """
            , {"channel": "sms", "purpose": "marketing", "status": "revoked", "source": "call-centre",
               "capturedAt": "2024-06-12T14:05:00Z", "recordedAt": "2024-06-12T14:05:02.5Z"}]}""";

    public static final String CONSENT_HISTORY = """
            {"items": [{"channel": "email", "purpose": "marketing", "status": "revoked", "source": "unsubscribe-link",
               "capturedAt": "2024-07-01T08:00:00Z", "recordedAt": "2024-07-01T08:00:00.1Z"},
              """ + CONSENT + "]}";

    public static final String CONSENT_VALIDATION_PROBLEM = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/consents/fax/marketing",
             "errors": [{"field": "channel", "message": "must be one of [email, sms, phone, post]"},
                        {"field": "capturedAt", "message": "must not be in the future"}]}""";

    public static final String LOG_INTERACTION = """
            {"channel": "phone", "direction": "inbound", "summary": "Asked about the delivery date of order 536365",
             "occurredAt": "2024-05-03T10:15:00Z", "agent": "j.smith"}""";

    public static final String INTERACTION = """
            {"id": "0190f3c4-8000-7000-8000-00000000000a", "customerId": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "channel": "phone", "direction": "inbound", "summary": "Asked about the delivery date of order 536365",
             "occurredAt": "2024-05-03T10:15:00Z", "agent": "j.smith", "recordedAt": "2024-05-03T10:16:02.000123Z"}""";

    public static final String INTERACTION_PAGE = """
            {"items": [""" + INTERACTION + """
            ], "nextCursor": null}""";

    public static final String INTERACTION_VALIDATION_PROBLEM = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/interactions",
             "errors": [{"field": "direction", "message": "must be one of [inbound, outbound]"},
                        {"field": "summary", "message": "must be at most 2000 characters"}]}""";

    public static final String IDEMPOTENCY_CONFLICT_PROBLEM = """
            {"type": "https://rapport.dev/problems/idempotency-key-conflict", "title": "Idempotency key already used",
             "status": 409, "detail": "Idempotency-Key call-4711 was already used for a different interaction of this customer; a retry must send the same channel, direction, summary and agent",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/interactions",
             "existingInteractionId": "0190f3c4-8000-7000-8000-00000000000a"}""";

    public static final String CREATE_FOLLOW_UP = """
            {"title": "Call back about the delivery", "dueAt": "2024-05-06T09:00:00Z", "owner": "j.smith",
             "note": "Customer prefers mornings", "interactionId": "0190f3c4-8000-7000-8000-00000000000a"}""";

    public static final String FOLLOW_UP = """
            {"id": "0190f3c4-9000-7000-8000-00000000000b", "customerId": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "title": "Call back about the delivery", "dueAt": "2024-05-06T09:00:00Z", "owner": "j.smith",
             "note": "Customer prefers mornings", "interactionId": "0190f3c4-8000-7000-8000-00000000000a",
             "status": "open", "overdue": false, "createdAt": "2024-05-03T10:17:00.5Z", "closedAt": null}""";

    public static final String FOLLOW_UP_PAGE = """
            {"items": [""" + FOLLOW_UP + """
            ], "nextCursor": null}""";

    public static final String FOLLOW_UP_VALIDATION_PROBLEM = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/follow-ups",
             "errors": [{"field": "title", "message": "must be at most 200 characters"},
                        {"field": "dueAt", "message": "is required (or dueDate)"}]}""";

    public static final String FOLLOW_UP_QUERY_PROBLEM = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "due must be one of [overdue, today, week]", "instance": "/follow-ups",
             "errors": [{"field": "due", "message": "must be one of [overdue, today, week]"}]}""";

    public static final String FOLLOW_UP_NOT_FOUND_PROBLEM = """
            {"type": "https://rapport.dev/problems/not-found", "title": "Follow-up not found", "status": 404,
             "detail": "No follow-up with id 0190f3c4-9000-7000-8000-00000000000b",
             "instance": "/follow-ups/0190f3c4-9000-7000-8000-00000000000b/complete"}""";

    public static final String FOLLOW_UP_STATE_PROBLEM = """
            {"type": "https://rapport.dev/problems/follow-up-state-conflict", "title": "Follow-up already closed",
             "status": 409, "detail": "Follow-up 0190f3c4-9000-7000-8000-00000000000b is cancelled and cannot be completed",
             "instance": "/follow-ups/0190f3c4-9000-7000-8000-00000000000b/complete", "currentStatus": "cancelled"}""";

    private EngagementExamples() {
    }
}
