package dev.rapport.http.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Wraps Jackson's own deserializers of strings and points in time with the checks every service
 * needs: text free of NUL and lone surrogates ({@link InputTexts}); dates and instants only as
 * ISO-8601 strings (Jackson would take {@code 12345} as days or seconds since 1970, or an array
 * {@code [2024,1,31]}) and within years 0000 to 9999, which PostgreSQL stores and
 * {@code toEpochMilli} survives.
 */
final class StrictValueDeserializers extends BeanDeserializerModifier {

    private static final Set<Class<?>> TEMPORALS = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class);
    static final Instant EARLIEST = LocalDate.of(0, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant END = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                  JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (type == String.class) {
            return new Text(deserializer);
        }
        if (TEMPORALS.contains(type)) {
            return new Temporal(deserializer, type);
        }
        return deserializer;
    }

    @Override
    public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
        if (type.getRawClass() != String.class) {
            return deserializer;
        }
        return new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                String defect = InputTexts.defect(key);
                if (defect != null) {
                    throw new InvalidInputValueException(context.getParser(), "a key " + defect, String.class);
                }
                return deserializer.deserializeKey(key, context);
            }
        };
    }

    static final class Text extends DelegatingDeserializer {

        Text(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Text(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text) {
                String defect = InputTexts.defect(text);
                if (defect != null) {
                    throw new InvalidInputValueException(parser, defect, String.class);
                }
            }
            return value;
        }
    }

    static final class Temporal extends DelegatingDeserializer {

        private final Class<?> type;

        Temporal(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Temporal(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, type, "a point in time must be an ISO-8601 string");
            }
            Object value = super.deserialize(parser, context);
            boolean inRange = switch (value) {
                case Instant instant -> inRange(instant);
                case OffsetDateTime offset -> inRange(offset.toInstant());
                case ZonedDateTime zoned -> inRange(zoned.toInstant());
                case LocalDate date -> date.getYear() >= 0 && date.getYear() <= 9999;
                case null, default -> true;
            };
            if (!inRange) {
                throw new InvalidInputValueException(parser, "must be between years 0000 and 9999", type);
            }
            return value;
        }

        private static boolean inRange(Instant instant) {
            return !instant.isBefore(EARLIEST) && instant.isBefore(END);
        }
    }
}
