package dev.rapport.http.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type whose content is refused; its message is meant for the client. */
public final class InvalidInputValueException extends MismatchedInputException {

    private final String clientMessage;

    InvalidInputValueException(JsonParser parser, String clientMessage, Class<?> targetType) {
        super(parser, clientMessage, targetType);
        this.clientMessage = clientMessage;
    }

    public String clientMessage() {
        return clientMessage;
    }
}
