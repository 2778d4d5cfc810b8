package dev.rapport.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccessLogTest {

    private final List<String> written = new ArrayList<>();

    private static long at(int hour, int minute, int second, int millis) {
        return LocalDateTime.of(2026, 11, 23, hour, minute, second).toInstant(ZoneOffset.UTC).toEpochMilli() + millis;
    }

    @Test
    void queuedLinesAreWrittenAsOneBatchInOrderWithTheirOwnTime() {
        AccessLog log = new AccessLog(10, written::add, ZoneOffset.UTC);
        log.add(at(9, 5, 7, 3), "r-1", "GET /api/customers/1 200 1.234ms client=apikey:a upstream=customer");
        log.add(at(9, 5, 7, 45), "r-2", "GET /api/customers/2 404 0.900ms client=apikey:a upstream=customer");
        log.add(at(9, 5, 8, 120), "r-3", "POST /api/customers 201 3.000ms client=jwt:b upstream=customer");
        assertTrue(written.isEmpty(), "nothing is written before the flush");

        log.flush();

        assertEquals(List.of("""
                09:05:07.003 ACCESS [r-1] GET /api/customers/1 200 1.234ms client=apikey:a upstream=customer
                09:05:07.045 ACCESS [r-2] GET /api/customers/2 404 0.900ms client=apikey:a upstream=customer
                09:05:08.120 ACCESS [r-3] POST /api/customers 201 3.000ms client=jwt:b upstream=customer"""), written);
        log.flush();
        assertEquals(1, written.size(), "an empty queue writes nothing");
    }

    @Test
    void beyondTheCapacityLinesAreDroppedAndCountedNotQueuedForever() {
        AccessLog log = new AccessLog(2, written::add, ZoneOffset.UTC);
        for (int i = 1; i <= 5; i++) {
            log.add(at(10, 0, 0, i), "r-" + i, "GET /api/x " + i);
        }
        log.flush();

        String[] lines = written.getFirst().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].endsWith("[r-1] GET /api/x 1"), lines[0]);
        assertTrue(lines[1].endsWith("[r-2] GET /api/x 2"), lines[1]);
        assertTrue(lines[2].contains("3 access log lines dropped"), lines[2]);

        // The queue has room again after the flush.
        log.add(at(10, 0, 1, 0), "r-6", "GET /api/x 6");
        log.flush();
        assertEquals("10:00:01.000 ACCESS [r-6] GET /api/x 6", written.get(1));
    }

    @Test
    void theTargetIsLoggedWithParameterNamesButNotTheirValues() {
        assertEquals("/api/customers?email&limit", target("/api/customers?email=ada%40example.com&limit=5"));
        assertEquals("/api/customers?phone&q", target("/api/customers?phone=%2B44%2020&&q"));
        assertEquals("/api/customers/42", target("/api/customers/42"));
        assertEquals("/api/customers?", target("/api/customers?=secret"));
        assertTrue(target("/api/" + "x".repeat(5000)).length() < 600, "a long path is cut");
    }

    private static String target(String uri) {
        StringBuilder line = new StringBuilder();
        AccessLog.appendTarget(line, uri);
        return line.toString();
    }
}
