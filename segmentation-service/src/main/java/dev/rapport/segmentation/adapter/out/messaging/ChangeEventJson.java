package dev.rapport.segmentation.adapter.out.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.segmentation.SegmentationEvents;

/**
 * The JSON of the five change events (envelope and data, the records of platform/events
 * {@code segmentation}), written straight into a string: a recompute writes up to millions of them, and
 * binding each record into a JSON tree and serialising the tree was most of their cost. The text is what
 * {@code EventJson} writes for {@code CloudEvent.of(...)} of the same record (checked by a test).
 */
final class ChangeEventJson {

    private final StringBuilder b = new StringBuilder(512);

    /** Starts an event: the envelope up to the data object's opening brace and its customerId. */
    ChangeEventJson start(UUID id, String type, UUID customerId, Instant time) {
        b.setLength(0);
        b.append("{\"specversion\":\"").append(CloudEvent.SPEC_VERSION).append("\",\"id\":\"").append(id)
                .append("\",\"source\":");
        string(SegmentationEvents.SOURCE);
        b.append(",\"type\":");
        string(type);
        b.append(",\"subject\":\"").append(customerId).append("\",\"time\":\"")
                .append(time.truncatedTo(ChronoUnit.MICROS)).append("\",\"datacontenttype\":\"")
                .append(CloudEvent.JSON).append("\",\"data\":{\"customerId\":\"").append(customerId).append('"');
        return this;
    }

    ChangeEventJson field(String name, String value) {
        name(name);
        if (value == null) {
            b.append("null");
        } else {
            string(value);
        }
        return this;
    }

    ChangeEventJson field(String name, int value) {
        name(name);
        b.append(value);
        return this;
    }

    /** A decimal as a JSON string (the records' money shape). */
    ChangeEventJson field(String name, BigDecimal value) {
        return field(name, value == null ? null : value.toString());
    }

    ChangeEventJson field(String name, LocalDate value) {
        return field(name, value == null ? null : value.toString());
    }

    ChangeEventJson field(String name, Instant value) {
        return field(name, value == null ? null : value.toString());
    }

    ChangeEventJson field(String name, List<String> values) {
        name(name);
        if (values == null) {
            b.append("null");
            return this;
        }
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(values.get(i));
        }
        b.append(']');
        return this;
    }

    /** Closes the data object and the envelope. */
    String end() {
        return b.append("}}").toString();
    }

    private void name(String name) {
        b.append(",\"").append(name).append("\":");
    }

    private void string(String value) {
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
