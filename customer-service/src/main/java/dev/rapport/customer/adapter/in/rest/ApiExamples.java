package dev.rapport.customer.adapter.in.rest;

/** Example documents for the OpenAPI description; constants because annotations need them. */
public final class ApiExamples {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    public static final String CREATE_CUSTOMER = """
            {"externalId": "SHOP-10042", "firstName": "Ada", "lastName": "Lovelace",
             "email": "Ada@Example.com", "phone": "+44 20 7946 0958", "company": "Analytical Engines Ltd",
             "jobTitle": "Mathematician", "acquisitionChannel": "web-form",
             "preferences": {"language": "en", "newsletter": "weekly"}, "tags": ["VIP", "early-adopter"],
             "attributes": {"shoeSize": "38"}, "birthday": "1815-12-10", "referralCode": "ADA-FRIENDS"}""";

    public static final String CUSTOMER = """
            {"id": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d", "externalId": "SHOP-10042", "firstName": "Ada",
             "lastName": "Lovelace", "email": "ada@example.com", "phone": "+442079460958",
             "company": "Analytical Engines Ltd", "jobTitle": "Mathematician", "acquisitionChannel": "web-form",
             "preferences": {"language": "en", "newsletter": "weekly"}, "tags": ["early-adopter", "vip"],
             "attributes": {"shoeSize": "38"}, "birthday": "1815-12-10", "referralCode": "ADA-FRIENDS",
             "createdAt": "2024-05-01T09:30:00.123456Z", "updatedAt": "2024-05-01T09:30:00.123456Z", "version": 0}""";

    public static final String CUSTOMER_PAGE = """
            {"items": [""" + CUSTOMER + """
            ], "nextCursor": "YzF8MTcxNDU1NTgwMHwxMjM0NTYwMDB8MDE5MGYzYzQtNWQ2ZS03YThiLTljMGQtMWUyZjNhNGI1YzZk"}""";

    public static final String PATCH_CUSTOMER = """
            {"jobTitle": "Countess", "phone": null, "preferences": {"newsletter": null, "language": "fr"},
             "tags": ["vip"]}""";

    public static final String RECORD_PURCHASE = """
            {"orderId": "536365", "currency": "GBP", "occurredAt": "2024-05-02T08:26:00Z",
             "lines": [{"sku": "85123A", "description": "WHITE HANGING HEART T-LIGHT HOLDER", "quantity": 6,
                        "unitPrice": "2.55"},
                       {"sku": "71053", "description": "WHITE METAL LANTERN", "quantity": 6, "unitPrice": 3.39}]}""";

    public static final String PURCHASE = """
            {"id": "0190f3c4-6a00-7b00-8c00-000000000001", "customerId": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "orderId": "536365", "currency": "GBP", "total": "35.64", "returnedAmount": "2.55",
             "remainingAmount": "33.09", "occurredAt": "2024-05-02T08:26:00Z",
             "recordedAt": "2024-05-02T08:26:01.000123Z",
             "lines": [{"lineNumber": 1, "sku": "85123A", "description": "WHITE HANGING HEART T-LIGHT HOLDER",
                        "quantity": 6, "unitPrice": "2.55", "amount": "15.30", "returnedQuantity": 1},
                       {"lineNumber": 2, "sku": "71053", "description": "WHITE METAL LANTERN", "quantity": 6,
                        "unitPrice": "3.39", "amount": "20.34", "returnedQuantity": 0}],
             "returns": [{"id": "0190f3c4-7000-7000-8000-000000000009", "returnKey": "C536379",
                          "amount": "2.55", "currency": "GBP", "reason": "damaged",
                          "occurredAt": "2024-05-03T10:00:00Z", "recordedAt": "2024-05-03T10:00:00.5Z",
                          "lines": [{"lineNumber": 1, "sku": "85123A", "quantity": 1, "amount": "2.55"}]}]}""";

    public static final String PURCHASE_PAGE = """
            {"items": [""" + PURCHASE + """
            ], "nextCursor": null}""";

    public static final String RECORD_RETURN = """
            {"returnKey": "C536379", "lines": [{"sku": "85123A", "quantity": 1}], "reason": "damaged",
             "occurredAt": "2024-05-03T10:00:00Z"}""";

    public static final String RETURN_RESULT = """
            {"purchaseReturn": {"id": "0190f3c4-7000-7000-8000-000000000009", "returnKey": "C536379",
              "amount": "2.55", "currency": "GBP", "reason": "damaged", "occurredAt": "2024-05-03T10:00:00Z",
              "recordedAt": "2024-05-03T10:00:00.5Z",
              "lines": [{"lineNumber": 1, "sku": "85123A", "quantity": 1, "amount": "2.55"}]},
             "purchase": """ + PURCHASE + "}";

    public static final String VALIDATION_PROBLEM = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/customers",
             "errors": [{"field": "email", "message": "must be an e-mail address like name@example.com"},
                        {"field": "firstName", "message": "must be at most 100 characters"}]}""";

    public static final String MALFORMED_PROBLEM = """
            {"type": "https://rapport.dev/problems/malformed-request", "title": "Malformed request body",
             "status": 400, "detail": "Request body is not valid JSON (line 1, column 14): Unexpected end-of-input",
             "instance": "/customers"}""";

    public static final String NOT_FOUND_PROBLEM = """
            {"type": "https://rapport.dev/problems/not-found", "title": "Customer not found", "status": 404,
             "detail": "No customer with id 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d"}""";

    public static final String DUPLICATE_PROBLEM = """
            {"type": "https://rapport.dev/problems/duplicate-customer", "title": "Duplicate customer", "status": 409,
             "detail": "Another customer already has this email", "instance": "/customers",
             "errors": [{"field": "email", "message": "is already registered for another customer"}],
             "existingCustomerId": "0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d"}""";

    public static final String STALE_PROBLEM = """
            {"type": "https://rapport.dev/problems/precondition-failed", "title": "Precondition failed",
             "status": 412, "detail": "Customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d has changed since you read it; it is now at version 3. Read it again and repeat your change.",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d", "currentVersion": 3}""";

    public static final String ORDER_CONFLICT_PROBLEM = """
            {"type": "https://rapport.dev/problems/order-id-conflict", "title": "Order id already recorded",
             "status": 409, "detail": "Order id 536365 is already recorded with different lines or currency; a repeat must send the same purchase",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/purchases",
             "existingPurchaseId": "0190f3c4-6a00-7b00-8c00-000000000001"}""";

    public static final String RETURN_NOT_POSSIBLE_PROBLEM = """
            {"type": "https://rapport.dev/problems/return-not-possible", "title": "Return not possible",
             "status": 422, "detail": "The return does not fit the purchase: lines[0].quantity exceeds the 5 unit(s) of 85123A still returnable",
             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/purchases/536365/returns",
             "errors": [{"field": "lines[0].quantity", "message": "exceeds the 5 unit(s) of 85123A still returnable"}]}""";

    public static final String RETURN_KEY_CONFLICT_PROBLEM = """
            {"type": "https://rapport.dev/problems/return-key-conflict", "title": "Return key already used",
             "status": 409, "detail": "Return key C536379 was already used for a return with different lines",
             "existingReturnId": "0190f3c4-7000-7000-8000-000000000009"}""";

    private ApiExamples() {
    }

    // --- imports ---

    public static final String IMPORT_ONLINE_RETAIL = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
            C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527,United Kingdom""";

    public static final String IMPORT_NDJSON = """
            {"id": "P-1", "mail": "ada@example.com", "first": "Ada"}
            {"id": "P-2", "mail": "grace@example.com", "first": "Grace"}""";

    public static final String IMPORT_QUEUED = """
            {"id": "0190f3c4-7000-7000-8000-000000000001", "format": "online-retail", "state": "queued",
             "progressPercent": 0.0, "bytesTotal": 47100511, "bytesProcessed": 83, "rowsRead": 0,
             "customersCreated": 0, "customersUpdated": 0, "purchasesCreated": 0, "purchasesUnchanged": 0,
             "returnsRecorded": 0, "returnsUnchanged": 0, "rowsSkipped": 0, "skipCounts": {},
             "createdAt": "2024-05-01T09:30:00.123456Z"}""";

    public static final String IMPORT_COMPLETED = """
            {"id": "0190f3c4-7000-7000-8000-000000000001", "format": "online-retail", "state": "completed",
             "progressPercent": 100.0, "bytesTotal": 47100511, "bytesProcessed": 47100511, "rowsRead": 541909,
             "customersCreated": 4372, "customersUpdated": 0, "purchasesCreated": 18532, "purchasesUnchanged": 0,
             "returnsRecorded": 2900, "returnsUnchanged": 0, "rowsSkipped": 140000,
             "skipCounts": {"missing-customer-id": 135080, "non-positive-price": 40},
             "skippedRows": [{"line": 623, "reason": "missing-customer-id", "detail": "CustomerID is empty"}],
             "createdAt": "2024-05-01T09:30:00.123456Z", "startedAt": "2024-05-01T09:30:01.5Z",
             "finishedAt": "2024-05-01T09:31:10Z"}""";

    public static final String IMPORT_BAD_MAPPING_PROBLEM = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/imports",
             "errors": [{"field": "mapping.shoeSize", "message": "is not a target field; known: ..."},
                        {"field": "mapping.email", "message": "column 'mail' is not in the header (id,e_mail)"}]}""";
}
