package dev.rapport.devstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KafkaBrokerTest {

    @TempDir
    static Path dataDirectory;

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        long started = System.nanoTime();
        broker = new KafkaBroker(dataDirectory.resolve("kafka"), 0).start();
        System.out.printf("Kafka started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void deliversAProducedRecordToAConsumer() throws Exception {
        String topic = "test.produce-consume";
        broker.createTopic(topic, 3);

        send(topic, "customer-1", "hello");

        assertEquals(List.of("customer-1=hello"), readAll(topic, 1));
    }

    @Test
    void keepsRecordsAndAcceptsNewOnesAfterARestartOnTheSamePort() throws Exception {
        String topic = "test.restart";
        String before = broker.bootstrapServers();
        send(topic, "k", "before-restart"); // auto-created topic

        long stopped = System.nanoTime();
        broker.stop();
        assertFalse(broker.isRunning());
        broker.start();
        System.out.printf("Kafka restarted in %d ms%n", (System.nanoTime() - stopped) / 1_000_000);

        assertEquals(before, broker.bootstrapServers());
        send(topic, "k", "after-restart");
        assertEquals(List.of("k=before-restart", "k=after-restart"), readAll(topic, 2));
    }

    private static void send(String topic, String key, String value) throws Exception {
        Records.send(broker.bootstrapServers(), topic, key, value);
    }

    private static List<String> readAll(String topic, int expected) {
        return Records.readAll(broker.bootstrapServers(), topic, expected);
    }
}
