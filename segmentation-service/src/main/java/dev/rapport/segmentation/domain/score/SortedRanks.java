package dev.rapport.segmentation.domain.score;

/**
 * Counts in an ascending array by binary search: how many values are strictly below a value, and how
 * many are at most it. The "below" and "above" of the scoring rules over a sorted population.
 */
public final class SortedRanks {

    private SortedRanks() {
    }

    /** How many of {@code sorted} are strictly less than {@code value}. */
    public static int lowerBound(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many of {@code sorted} are at most {@code value}. */
    public static int upperBound(int[] sorted, int value) {
        return value == Integer.MAX_VALUE ? sorted.length : lowerBound(sorted, value + 1);
    }

    /** How many of {@code sorted} are strictly less than {@code value}. */
    public static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many of {@code sorted} are at most {@code value}. */
    public static int upperBound(long[] sorted, long value) {
        return value == Long.MAX_VALUE ? sorted.length : lowerBound(sorted, value + 1);
    }

    /** How many of {@code sorted} are strictly less than {@code value} (by {@code compareTo}). */
    public static <T extends Comparable<? super T>> int lowerBound(T[] sorted, T value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(value) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many of {@code sorted} are at most {@code value} (by {@code compareTo}). */
    public static <T extends Comparable<? super T>> int upperBound(T[] sorted, T value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(value) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
