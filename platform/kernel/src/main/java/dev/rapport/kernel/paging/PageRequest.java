package dev.rapport.kernel.paging;

/** Up to {@code limit} items after {@code after} (null: from the start). */
public record PageRequest(int limit, PageCursor after) {

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
