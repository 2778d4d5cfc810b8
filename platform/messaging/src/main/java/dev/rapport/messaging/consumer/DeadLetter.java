package dev.rapport.messaging.consumer;

import dev.rapport.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The dead-letter copy of a record: same key, value and headers, on {@code <topic>.dlq}, plus headers
 * that say where it came from and why it failed.
 */
final class DeadLetter {

    static final String ERROR = "rapport-dlq-error";
    static final String EXCEPTION = "rapport-dlq-exception";
    static final String ORIGINAL_TOPIC = "rapport-dlq-original-topic";
    static final String ORIGINAL_PARTITION = "rapport-dlq-original-partition";
    static final String ORIGINAL_OFFSET = "rapport-dlq-original-offset";
    static final String CONSUMER_GROUP = "rapport-dlq-consumer-group";
    static final String ATTEMPTS = "rapport-dlq-attempts";

    /** Keeps a long message (e.g. one quoting a whole payload) from bloating every DLQ record. */
    static final int MAX_ERROR_LENGTH = 2_000;

    private DeadLetter() {
    }

    static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> record, String consumerGroup,
                                            Throwable failure, int attempts) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("rapport-dlq-")) {
                headers.add(header);
            }
        }
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        if (message.length() > MAX_ERROR_LENGTH) {
            message = message.substring(0, MAX_ERROR_LENGTH) + "...";
        }
        add(headers, ERROR, message);
        add(headers, EXCEPTION, failure.getClass().getName());
        add(headers, ORIGINAL_TOPIC, record.topic());
        add(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, CONSUMER_GROUP, consumerGroup);
        add(headers, ATTEMPTS, Integer.toString(attempts));
        return new ProducerRecord<>(Topics.dlq(record.topic()), null, record.key(), record.value(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
