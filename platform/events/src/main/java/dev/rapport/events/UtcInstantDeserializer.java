package dev.rapport.events;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import dev.rapport.kernel.DateTimeText;

/**
 * Reads the instants every Rapport producer writes ({@code 2026-12-03T13:28:33.123456Z}) without the
 * general ISO-8601 parser, which is most of a consumer's parsing time per event; any other shape (an
 * offset, a leap second, a number) goes to jackson-datatype-jsr310's reader, errors included.
 */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final int[] SCALE = { 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

    UtcInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = parse(parser.getText());
            if (instant != null) {
                return instant;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with 1–9 fraction digits, or {@code null} for anything else. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z'
                || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        LocalDateTime time = DateTimeText.localDateTime(text, 'T');
        int fraction = length > 20 ? DateTimeText.digits(text, 20, length - 1) : 0;
        if (time == null || fraction < 0) {
            return null;
        }
        return Instant.ofEpochSecond(time.toEpochSecond(ZoneOffset.UTC), length > 20 ? fraction * SCALE[length - 22] : 0);
    }
}
