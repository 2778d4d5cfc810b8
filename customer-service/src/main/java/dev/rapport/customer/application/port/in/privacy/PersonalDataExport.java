package dev.rapport.customer.application.port.in.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Everything this service holds about a customer: the sections by name, in a stable order. */
public record PersonalDataExport(UUID customerId, Instant exportedAt, String format, Map<String, Object> sections) {

    /** Version of the document's shape; a breaking change of a section is a new format. */
    public static final String FORMAT = "rapport.customer-export.v1";
}
