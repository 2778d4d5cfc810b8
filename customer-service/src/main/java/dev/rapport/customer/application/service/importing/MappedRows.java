package dev.rapport.customer.application.service.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rapport.customer.application.port.out.importing.ImportSpool.SourceRecord;
import dev.rapport.customer.domain.importing.ImportMapping;
import dev.rapport.customer.domain.importing.SkipReason;
import dev.rapport.customer.domain.importing.SkippedRow;

/**
 * Generic CSV / NDJSON rows through a client's {@link ImportMapping}. Customer fields are handed
 * to the domain as text (it validates them like any other entry point); a row with an empty
 * orderId is a customer-only row. {@code tags} are separated by {@code ;}.
 */
final class MappedRows {

    private MappedRows() {
    }

    static ImportRows.Item map(SourceRecord record, ImportMapping mapping) {
        long line = record.line();
        if (!record.readable()) {
            return new ImportRows.Skip(new SkippedRow(line, record.errorReason(), record.errorDetail()));
        }
        Map<String, String> f = record.fields();
        String externalId = value(f, mapping, "externalId");
        if (externalId == null) {
            return skip(line, SkipReason.MISSING_CUSTOMER_ID, mapping.source("externalId") + " is empty");
        }
        Map<String, String> customer = new LinkedHashMap<>();
        for (String field : ImportMapping.CUSTOMER_FIELDS) {
            if (!field.equals("externalId") && mapping.source(field) != null) {
                customer.put(field, value(f, mapping, field));
            }
        }
        String orderId = mapping.hasPurchases() ? value(f, mapping, "orderId") : null;
        if (orderId == null) {
            return new ImportRows.Row(line, externalId, customer, Map.of(), null, null);
        }
        int quantity;
        BigDecimal price;
        Instant occurredAt = null;
        String rawQuantity = value(f, mapping, "quantity");
        String rawPrice = value(f, mapping, "unitPrice");
        try {
            quantity = Integer.parseInt(rawQuantity);
        } catch (NumberFormatException | NullPointerException e) {
            return skip(line, SkipReason.INVALID_NUMBER, mapping.source("quantity") + " '" + rawQuantity
                    + "' is not an integer");
        }
        try {
            price = new BigDecimal(rawPrice);
        } catch (NumberFormatException | NullPointerException e) {
            return skip(line, SkipReason.INVALID_NUMBER, mapping.source("unitPrice") + " '" + rawPrice
                    + "' is not a number");
        }
        String rawOccurredAt = value(f, mapping, "occurredAt");
        if (rawOccurredAt != null) {
            try {
                occurredAt = OffsetDateTime.parse(rawOccurredAt).toInstant();
            } catch (DateTimeParseException e) {
                return skip(line, SkipReason.INVALID_DATE, mapping.source("occurredAt") + " '" + rawOccurredAt
                        + "' is not an ISO-8601 timestamp with offset");
            }
        }
        if (quantity <= 0) {
            return new ImportRows.Row(line, externalId, customer, Map.of(), null,
                    new SkippedRow(line, SkipReason.NON_POSITIVE_QUANTITY, "quantity is " + quantity));
        }
        ImportRows.Line purchase = new ImportRows.Line(orderId, false, value(f, mapping, "sku"),
                value(f, mapping, "description"), quantity, price, occurredAt, value(f, mapping, "currency"));
        return new ImportRows.Row(line, externalId, customer, Map.of(), purchase, null);
    }

    private static String value(Map<String, String> fields, ImportMapping mapping, String target) {
        String source = mapping.source(target);
        if (source == null) {
            return null;
        }
        String raw = fields.get(source);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static ImportRows.Skip skip(long line, String reason, String detail) {
        return new ImportRows.Skip(new SkippedRow(line, reason, detail));
    }
}
