package dev.rapport.segmentation.application.port.out.recompute;

import dev.rapport.segmentation.application.port.out.lifecycle.LifecycleEventPublisher;
import dev.rapport.segmentation.application.port.out.score.ScoreEventPublisher;

/** The change events of a full recompute, collected and written in bulk with the swap's transaction. */
public interface RecomputeEventPublisher {

    Batch batch();

    /** Collects events in memory; {@link #flush()} writes the collected ones in one statement. */
    interface Batch extends ScoreEventPublisher, LifecycleEventPublisher {

        int pending();

        /** Writes the pending events (inside the caller's transaction). @return how many */
        int flush();
    }
}
