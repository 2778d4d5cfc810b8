package dev.rapport.events;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UtcInstantDeserializerTest {

    private static Instant read(String json) throws Exception {
        return EventJson.mapper().readValue(json, Instant.class);
    }

    @Test
    void readsWhatProducersWriteExactlyAsTheIsoParserDoes() throws Exception {
        Random random = new Random(20261203);
        for (int i = 0; i < 10_000; i++) {
            // 1900 to 2100, every fraction length the JDK writes (none, millis, micros, nanos)
            Instant instant = Instant.ofEpochSecond(-2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String text = instant.toString();
            assertEquals(instant, UtcInstantDeserializer.parse(text), text);
            assertEquals(instant, read('"' + text + '"'), text);
        }
    }

    @Test
    void everyFractionLengthIsScaledToNanoseconds() {
        List<String> texts = List.of("2026-12-03T13:28:33.1Z", "2026-12-03T13:28:33.12Z", "2026-12-03T13:28:33.1234Z",
                "2026-12-03T13:28:33.12345Z", "2026-12-03T13:28:33.1234567Z", "2026-12-03T13:28:33.12345678Z",
                "2024-02-29T00:00:00.000000001Z", "2026-12-03T23:59:59Z");
        for (String text : texts) {
            assertEquals(Instant.parse(text), UtcInstantDeserializer.parse(text), text);
        }
    }

    @Test
    void otherShapesAreLeftToTheGeneralReader() throws Exception {
        for (String text : List.of("2026-12-03T14:28:33+01:00", "2026-12-03T13:28:33.Z", "2026-12-03 13:28:33Z",
                "+12026-12-03T13:28:33Z", "2026-12-03T24:00:00Z", "2026-02-30T10:00:00Z", "2026-1a-03T13:28:33Z",
                "2026-12-03T13:28:33.1234567890Z")) {
            assertNull(UtcInstantDeserializer.parse(text), text);
        }
        assertEquals(Instant.parse("2026-12-03T13:28:33Z"), read("\"2026-12-03T14:28:33+01:00\""));
        assertEquals(Instant.ofEpochSecond(1_764_768_513L), read("1764768513"));
    }

    @Test
    void anImpossibleDateIsStillRejected() {
        assertThrows(InvalidFormatException.class, () -> read("\"2026-02-30T10:00:00Z\""));
        assertThrows(InvalidFormatException.class, () -> read("\"2026-12-03T13:61:00Z\""));
    }
}
