package dev.rapport.messaging.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeadLetterTest {

    private final ConsumerRecord<String, byte[]> original = record();

    @Test
    void keepsKeyValueAndHeadersAndSaysWhereItCameFromAndWhy() {
        ProducerRecord<String, byte[]> letter = DeadLetter.of(original, "loyalty", new PoisonEventException("no such tier"), 1);

        assertEquals("rapport.customer.events.dlq", letter.topic());
        assertEquals("customer-1", letter.key());
        assertArrayEquals("payload".getBytes(StandardCharsets.UTF_8), letter.value());
        assertEquals("application/cloudevents+json", header(letter, "content-type"));
        assertEquals("no such tier", header(letter, DeadLetter.ERROR));
        assertEquals(PoisonEventException.class.getName(), header(letter, DeadLetter.EXCEPTION));
        assertEquals("rapport.customer.events", header(letter, DeadLetter.ORIGINAL_TOPIC));
        assertEquals("2", header(letter, DeadLetter.ORIGINAL_PARTITION));
        assertEquals("41", header(letter, DeadLetter.ORIGINAL_OFFSET));
        assertEquals("loyalty", header(letter, DeadLetter.CONSUMER_GROUP));
        assertEquals("1", header(letter, DeadLetter.ATTEMPTS));
    }

    @Test
    void usesTheExceptionClassWhenThereIsNoMessageAndTruncatesHugeMessages() {
        assertEquals(NullPointerException.class.getName(),
                header(DeadLetter.of(original, "g", new NullPointerException(), 5), DeadLetter.ERROR));
        String huge = "x".repeat(10_000);
        assertEquals(DeadLetter.MAX_ERROR_LENGTH + 3,
                header(DeadLetter.of(original, "g", new IllegalStateException(huge), 5), DeadLetter.ERROR).length());
    }

    private static ConsumerRecord<String, byte[]> record() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("rapport.customer.events", 2, 41, "customer-1",
                "payload".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
