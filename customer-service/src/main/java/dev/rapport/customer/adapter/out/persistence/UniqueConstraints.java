package dev.rapport.customer.adapter.out.persistence;

import java.util.Locale;
import java.util.Optional;

/** Maps PostgreSQL unique-constraint violations (SQLState 23505) to the field they protect. */
public final class UniqueConstraints {

    static final String UNIQUE_VIOLATION = "23505";

    private UniqueConstraints() {
    }

    /** The violated constraint's name, found anywhere in the cause chain. */
    public static Optional<String> violatedConstraint(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null) {
                return Optional.of(violation.getConstraintName().toLowerCase(Locale.ROOT));
            }
            if (t instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                int start = message.indexOf('"');
                int end = start < 0 ? -1 : message.indexOf('"', start + 1);
                if (end > start) {
                    return Optional.of(message.substring(start + 1, end).toLowerCase(Locale.ROOT));
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
