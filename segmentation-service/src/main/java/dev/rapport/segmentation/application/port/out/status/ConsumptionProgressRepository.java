package dev.rapport.segmentation.application.port.out.status;

import java.time.Instant;
import java.util.List;

/** Events processed per topic. */
public interface ConsumptionProgressRepository {

    record TopicProgress(String topic, long eventsProcessed, Instant lastEventTime) {
    }

    /** Adds {@code events} to the topic's count; the last event time only moves forward. */
    void processed(String topic, long events, Instant lastEventTime);

    List<TopicProgress> all();
}
