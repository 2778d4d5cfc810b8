package dev.rapport.messaging.consumer;

import java.util.List;
import java.util.function.Consumer;

/**
 * For {@link EventHandler#handleAll}: a poll split into runs of consecutive events of one kind, each run
 * applied with one call, so that every key's events keep their order.
 */
public final class EventRuns {

    private EventRuns() {
    }

    /** Applies {@code run} (a copy of it) unless it is empty, and empties it for the next run. */
    public static <T> void flush(List<T> run, Consumer<List<T>> apply) {
        if (!run.isEmpty()) {
            apply.accept(List.copyOf(run));
            run.clear();
        }
    }
}
