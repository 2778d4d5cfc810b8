package dev.rapport.kernel;

/** Base of every rule violation the domain reports. Messages are safe to show to a client. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
