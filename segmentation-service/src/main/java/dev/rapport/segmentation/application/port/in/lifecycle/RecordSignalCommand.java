package dev.rapport.segmentation.application.port.in.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signal from feedback or loyalty: {@code value} is the NPS answer, the rating, the expired points; {@code
 * flag} whether a resolved complaint breached its SLA.
 */
public record RecordSignalCommand(UUID customerId, Kind kind, long value, boolean flag, Instant at) {

    public enum Kind {
        NPS_ANSWERED, CSAT_RATED, COMPLAINT_OPENED, COMPLAINT_RESOLVED, COMPLAINT_SLA_BREACHED, LOYALTY_ACTIVITY,
        POINTS_EXPIRED
    }

    public RecordSignalCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.NPS_ANSWERED && (value < 0 || value > 10))
                || (kind == Kind.CSAT_RATED && (value < 1 || value > 5)) || value < 0) {
            throw new IllegalArgumentException("signal value out of range: " + kind + " " + value);
        }
    }
}
