package dev.rapport.kernel.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code next} is null on the last page. */
public record Page<T>(List<T> items, PageCursor next) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
