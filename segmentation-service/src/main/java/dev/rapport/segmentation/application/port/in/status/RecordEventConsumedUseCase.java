package dev.rapport.segmentation.application.port.in.status;

import java.time.Instant;

/** Counts an event processed from a topic (in the event's own transaction). */
public interface RecordEventConsumedUseCase {

    void consumed(String topic, Instant eventTime);
}
