package dev.rapport.segmentation.application.port.in.status;

import java.time.Instant;

/** Counts events processed from a topic (in the events' own transaction). */
public interface RecordEventConsumedUseCase {

    /** {@code events} more from {@code topic}, the latest of them from {@code lastEventTime}. */
    void consumed(String topic, long events, Instant lastEventTime);
}
