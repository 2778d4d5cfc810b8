package dev.rapport.messaging.outbox;

/** An event could not be written to the outbox; the surrounding transaction must not commit. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
