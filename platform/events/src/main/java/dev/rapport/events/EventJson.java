package dev.rapport.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;

/**
 * The one JSON mapping of events, used by producers and consumers alike so both sides agree on
 * dates (ISO-8601), money (decimal strings) and tolerance of unknown fields.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // registered later, so it reads Instants before JavaTimeModule's reader (to which it falls back)
            .addModule(new SimpleModule("rapport-instants").addDeserializer(Instant.class, new UtcInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Within a type version producers may add optional fields; old consumers must not break.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(CloudEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    public static String toJson(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    /**
     * Reads a structured-mode CloudEvent.
     *
     * @throws IllegalArgumentException when the bytes are not a valid CloudEvent (a poison message)
     */
    public static CloudEvent parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new IllegalArgumentException("empty message is not a CloudEvent");
        }
        try {
            return MAPPER.readValue(json, CloudEvent.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("not a valid CloudEvent: " + cause.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid CloudEvent: " + e.getMessage(), e);
        }
    }
}
