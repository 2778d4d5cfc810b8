package dev.rapport.customer.adapter.out.spool;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Runs a source on a thread of its own, at most {@code capacity} items ahead of the consumer, so the
 * spool reads and splits the next records while the import applies the current ones. Items arrive in source
 * order; the source's failure is rethrown to the consumer in its place. {@link #close()} stops the
 * source (also when it is blocked handing over an item) and waits for its thread to end, so the
 * consumer may close what the source reads afterwards. The thread has its consumer's priority.
 */
final class ReadAhead<T> implements AutoCloseable {

    private static final Object END = new Object();

    private record Failure(Throwable error) {
    }

    private final BlockingQueue<Object> queue;
    private final Supplier<T> source;
    private final Thread thread;
    private volatile boolean closed;

    /** {@code source} answers null at its end. */
    ReadAhead(String threadName, int capacity, Supplier<T> source) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.source = source;
        this.thread = Thread.ofPlatform().name(threadName).daemon()
                .priority(Thread.currentThread().getPriority()).unstarted(this::produce);
        this.thread.start();
    }

    private void produce() {
        try {
            while (!closed) {
                T item = source.get();
                if (item == null) {
                    queue.put(END);
                    return;
                }
                queue.put(item);
            }
        } catch (InterruptedException e) {
            // closed by the consumer: nobody waits for more
        } catch (RuntimeException | Error e) {
            if (!closed) {
                try {
                    queue.put(new Failure(e));
                } catch (InterruptedException closing) {
                    // closed meanwhile
                }
            }
        }
    }

    /** The next item, or null after the last one; rethrows the source's failure. */
    @SuppressWarnings("unchecked")
    T next() throws InterruptedException {
        Object item = queue.take();
        if (item == END) {
            queue.put(END); // later calls answer null as well
            return null;
        }
        if (item instanceof Failure failure) {
            queue.put(failure);
            if (failure.error() instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) failure.error();
        }
        return (T) item;
    }

    /** Stops the source and waits for its thread; keeps the caller's interrupt status. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
