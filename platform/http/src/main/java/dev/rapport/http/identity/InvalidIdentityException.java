package dev.rapport.http.identity;

/** An identity token that cannot be trusted; the message says why, without secrets. */
public class InvalidIdentityException extends RuntimeException {

    public InvalidIdentityException(String message) {
        super(message, null, false, false);
    }
}
