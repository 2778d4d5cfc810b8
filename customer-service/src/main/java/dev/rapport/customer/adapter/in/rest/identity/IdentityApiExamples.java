package dev.rapport.customer.adapter.in.rest.identity;

/** OpenAPI examples of upsert, duplicates and merge; constants because annotations need them. */
final class IdentityApiExamples {

    private IdentityApiExamples() {
    }

    public static final String UPSERT_CUSTOMER = """
            {"firstName": "Ada", "lastName": "Lovelace", "email": "Ada@Example.com", "phone": "+44 20 7946 0958",
             "company": "Analytical Engines Ltd", "acquisitionChannel": "web-form", "tags": ["VIP"],
             "attributes": {"shoeSize": "38"}}""";

    public static final String EXTERNAL_ID_MISMATCH_PROBLEM = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "externalId must equal the externalId of the path (SHOP-10042) or be left out",
             "instance": "/customers/by-external-id/SHOP-10042",
             "errors": [{"field": "externalId", "message": "must equal the externalId of the path (SHOP-10042) or be left out"}]}""";

    public static final String NO_CURRENT_CUSTOMER_PROBLEM = """
            {"type": "https://rapport.dev/problems/precondition-failed", "title": "Precondition failed", "status": 412,
             "detail": "No customer with externalId SHOP-10042 exists, so If-Match cannot match; send the request without If-Match to create it",
             "instance": "/customers/by-external-id/SHOP-10042"}""";

    public static final String DUPLICATES = """
            {"items": [{"customer": {"id": "0190f3c4-5d6e-7a8b-9c0d-000000000002", "externalId": null,
                                     "firstName": "Ada", "lastName": "Lovelace", "email": "Ada@Example.com",
                                     "phone": null, "company": "Analytical Engines Ltd",
                                     "createdAt": "2019-03-01T12:00:00Z"},
                        "reasons": ["email", "name-and-company"], "score": 0.96}]}""";

    public static final String MERGE = """
            {"duplicateId": "0190f3c4-5d6e-7a8b-9c0d-000000000002"}""";

    public static final String CUSTOMER_MERGED_PROBLEM = """
            {"type": "https://rapport.dev/problems/customer-merged", "title": "Customer merged", "status": 308,
             "detail": "Customer 0190f3c4-5d6e-7a8b-9c0d-000000000002 was merged into customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-000000000002",
             "survivorId": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d"}""";

    public static final String MERGE_PARTY_NOT_FOUND_PROBLEM = """
            {"type": "https://rapport.dev/problems/not-found", "title": "Customer not found", "status": 404,
             "detail": "No customer with id 0190f3c4-5d6e-7a8b-9c0d-000000000002 (the duplicate of the merge)",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/merge",
             "errors": [{"field": "duplicateId", "message": "no such customer"}], "role": "duplicate"}""";

    public static final String ALREADY_MERGED_PROBLEM = """
            {"type": "https://rapport.dev/problems/customer-already-merged", "title": "Customer already merged",
             "status": 409,
             "detail": "Customer 0190f3c4-5d6e-7a8b-9c0d-000000000002 was already merged into customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-000000000003/merge",
             "role": "duplicate", "mergedInto": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d"}""";

    public static final String MERGE_NOT_POSSIBLE_PROBLEM = """
            {"type": "https://rapport.dev/problems/merge-not-possible", "title": "Merge not possible", "status": 422,
             "detail": "Customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d cannot be merged into itself",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/merge",
             "errors": [{"field": "duplicateId", "message": "must not be the survivor itself"}]}""";
}
