package dev.rapport.kernel.paging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Position in a list ordered by (time, id): the last item of the previous page. */
public record PageCursor(Instant position, UUID id) {

    public PageCursor {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(id, "id");
    }
}
