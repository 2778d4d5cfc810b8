package dev.rapport.kernel.change;

/**
 * One field of a partial update: either left alone, or set to a value, where {@code null} clears
 * it (JSON merge patch semantics).
 */
public record Change<T>(boolean present, T value) {

    private static final Change<?> KEEP = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }
}
