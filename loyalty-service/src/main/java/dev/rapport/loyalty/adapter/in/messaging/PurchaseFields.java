package dev.rapport.loyalty.adapter.in.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.loyalty.application.port.in.account.EarnPointsCommand;

/**
 * Reads the five fields an earn needs straight from a purchase-recorded event's data tree. Binding the
 * whole record through Jackson ({@code CloudEvent.dataAs}) was a tenth of the service's CPU while it
 * consumed a replay. Only the canonical shapes are read here (UUID and ISO-8601 text, the total as a
 * decimal string); anything else answers {@code null} and the caller binds the record as
 * before, so odd or broken events get exactly the old treatment.
 */
final class PurchaseFields {

    private PurchaseFields() {
    }

    static EarnPointsCommand read(JsonNode data) {
        if (data == null || !data.isObject()) {
            return null;
        }
        try {
            UUID customerId = UUID.fromString(text(data, "customerId"));
            String orderId = text(data, "orderId");
            BigDecimal total = decimal(data.get("total"));
            Instant occurredAt = Instant.parse(text(data, "occurredAt"));
            JsonNode currency = data.get("currency");
            if (orderId == null || total == null || (currency != null && !currency.isNull() && !currency.isTextual())) {
                return null;
            }
            return new EarnPointsCommand(customerId, orderId, total,
                    currency == null || currency.isNull() ? null : currency.textValue(), occurredAt);
        } catch (RuntimeException e) {
            return null; // not the canonical shape: the record binding decides
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(field);
        }
        return node.textValue();
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null) {
            return null;
        }
        // A JSON number would be a double in the tree: the record binding reads its exact text instead.
        return node.isTextual() ? new BigDecimal(node.textValue()) : null;
    }
}
