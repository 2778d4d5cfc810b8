package dev.rapport.segmentation.application.port.in.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events processed per topic, consumer lag (null = unknown right now), and the current run. */
public record ServiceStatus(List<Topic> topics, LocalDate asOf, long customers) {

    public record Topic(String topic, long eventsProcessed, Long lag, Instant lastEventTime) {
    }
}
