package dev.rapport.messaging.consumer;

/** Thrown by a handler for an event no retry can fix (unknown data shape, impossible values). */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
