package dev.rapport.http.mappers;

import java.util.List;

import dev.rapport.http.FieldError;

final class ValidationMessages {

    private ValidationMessages() {
    }

    static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.getFirst().field() + " " + errors.getFirst().message();
        }
        return errors.size() + " fields are invalid";
    }
}
