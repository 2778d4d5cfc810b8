package dev.rapport.segmentation.adapter.in.rest;

/** Shared OpenAPI bits of the resources. */
public final class Problems {

    public static final String NOT_FOUND = """
            {"type": "https://rapport.dev/problems/not-found", "title": "Customer not known", "status": 404,
             "detail": "No customer 0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d is known to segmentation."}""";
    public static final String BAD_QUERY = """
            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "1 field is invalid", "errors": [{"field": "segment", "message": "must be one of [champions, ...]"}]}""";

    private Problems() {
    }
}
