package dev.rapport.customer.adapter.in.rest.privacy;

/** OpenAPI examples of the privacy endpoints (export, erasure). */
final class PrivacyExamples {

    public static final String EXPORT = """
            {"format": "rapport.customer-export.v1", "exportedAt": "2024-06-01T12:00:00.123456Z",
             "customerId": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "profile": {"id": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d", "externalId": "SHOP-10042",
               "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "phone": "+442079460958",
               "company": "Analytical Engines Ltd", "jobTitle": "Mathematician", "acquisitionChannel": "web-form",
               "preferences": {"language": "en"}, "tags": ["vip"], "attributes": {"shoeSize": "38"},
               "birthday": "1990-12-10", "referralCode": "ADA-FRIENDS", "createdAt": "2024-05-01T09:30:00.123456Z",
               "updatedAt": "2024-05-01T09:30:00.123456Z", "version": 0},
             "purchases": [{"id": "0190f3c4-6a00-7b00-8c00-000000000001", "orderId": "536365", "currency": "GBP",
               "total": "35.64", "returnedAmount": "2.55", "occurredAt": "2024-05-02T08:26:00Z",
               "recordedAt": "2024-05-02T08:26:01.000123Z",
               "lines": [{"lineNumber": 1, "sku": "85123A", "description": "WHITE HANGING HEART T-LIGHT HOLDER",
                          "quantity": 6, "unitPrice": "2.55", "amount": "15.30"}],
               "returns": [{"id": "0190f3c4-7000-7000-8000-000000000009", "returnKey": "C536379", "amount": "2.55",
                            "reason": "damaged", "occurredAt": "2024-05-03T10:00:00Z",
                            "recordedAt": "2024-05-03T10:00:00.5Z",
                            "lines": [{"lineNumber": 1, "sku": "85123A", "quantity": 1, "amount": "2.55"}]}]}]}""";

    public static final String ERASURE = """
            {"erasureId": "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "customerId": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "requestedAt": "2024-06-01T12:00:00.123456Z", "requestedBy": "jwt:alice", "reason": "customer request by e-mail",
             "requiredServices": ["customer-service", "feedback-service", "loyalty-service", "segmentation-service"],
             "confirmed": [{"service": "customer-service", "confirmedAt": "2024-06-01T12:00:00.123456Z"},
                           {"service": "loyalty-service", "confirmedAt": "2024-06-01T12:00:01.2Z"}],
             "pending": ["feedback-service", "segmentation-service"], "complete": false}""";

    public static final String ERASED_PROBLEM = """
            {"type": "https://rapport.dev/problems/customer-erased", "title": "Customer erased", "status": 410,
             "detail": "Customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d was erased at 2024-06-01T12:00:00.123456Z; its personal data is gone",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "erasedAt": "2024-06-01T12:00:00.123456Z", "erasure": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/erasure"}""";

    public static final String ERASURE_NOT_FOUND_PROBLEM = """
            {"type": "https://rapport.dev/problems/not-found", "title": "Erasure not found", "status": 404,
             "detail": "Customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d has not been erased",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/erasure"}""";

    private PrivacyExamples() {
    }
}
