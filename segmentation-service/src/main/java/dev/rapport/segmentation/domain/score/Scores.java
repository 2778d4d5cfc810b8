package dev.rapport.segmentation.domain.score;

/** The quintile score rule shared by R, F and M. */
public final class Scores {

    private Scores() {
    }

    /**
     * score = floor(5 × below / n) + 1, where {@code below} is the number of the n customers with a strictly
     * worse value. Equal values have equal {@code below}, so they always share a score.
     */
    public static int score(long below, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        if (below < 0 || below >= n) {
            throw new IllegalArgumentException("below must be in [0, n)");
        }
        return (int) (5 * below / n) + 1;
    }

    static void requireScore(String name, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " must be 1..5, was " + score);
        }
    }
}
