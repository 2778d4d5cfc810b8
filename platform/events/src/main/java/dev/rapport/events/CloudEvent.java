package dev.rapport.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.kernel.TimeOrderedIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code data} stays a JSON tree so that a
 * consumer can read the envelope (id, type, subject) of any event, also one whose data record it
 * does not know, and bind the data only when it handles that type.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Kafka header / HTTP content type of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    public CloudEvent {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be " + SPEC_VERSION + ", was " + specversion);
        }
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        if (time != null) {
            // Microsecond precision survives a round trip through PostgreSQL timestamptz.
            time = time.truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** A new event with a fresh id, stamped now. {@code data} is any record of this module. */
    public static CloudEvent of(String source, String type, String subject, Object data) {
        return of(source, type, subject, data == null ? null : (JsonNode) EventJson.mapper().valueToTree(data));
    }

    /**
     * As {@link #of(String, String, String, Object)}, with data already built as a JSON tree (kept as it is).
     * The id is time-ordered (UUIDv7): the outbox and every consumer's processed-event index take it at
     * their end instead of at a random leaf.
     */
    public static CloudEvent of(String source, String type, String subject, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, TimeOrderedIds.next(), source, type, subject, Instant.now(), JSON, data);
    }

    /** Binds {@code data} to the record of this event's type. */
    public <T> T dataAs(Class<T> dataType) {
        if (data == null || data.isNull()) {
            throw new IllegalStateException("event " + id + " of type " + type + " has no data");
        }
        try {
            return EventJson.mapper().treeToValue(data, dataType);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("data of event " + id + " is not a valid " + dataType.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
