package dev.rapport.segmentation.application.port.out.status;

import java.time.Instant;
import java.util.List;

/** Events processed per topic. */
public interface ConsumptionProgressRepository {

    record TopicProgress(String topic, long eventsProcessed, Instant lastEventTime) {
    }

    void processed(String topic, Instant eventTime);

    List<TopicProgress> all();
}
