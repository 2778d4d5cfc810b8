package dev.rapport.segmentation.domain.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NelderMeadTest {

    private static final int CAP = 20_000;

    @Test
    void findsTheMinimumOfASmoothBowl() {
        NelderMead.Result result = NelderMead.minimise(x -> sq(x[0] - 3) + 10 * sq(x[1] + 1), new double[] {0, 0},
                0.5, 1e-12, CAP);
        assertThat(result.point()[0]).isCloseTo(3, within(1e-5));
        assertThat(result.point()[1]).isCloseTo(-1, within(1e-5));
        assertThat(result.value()).isCloseTo(0, within(1e-9));
        assertThat(result.iterations()).isLessThan(1_000);
    }

    @Test
    void followsTheCurvedValleyOfRosenbrocksFunction() {
        NelderMead.Result result = NelderMead.minimise(x -> 100 * sq(x[1] - x[0] * x[0]) + sq(1 - x[0]),
                new double[] {-1.2, 1}, 0.5, 1e-12, CAP);
        assertThat(result.point()[0]).isCloseTo(1, within(1e-4));
        assertThat(result.point()[1]).isCloseTo(1, within(1e-4));
    }

    @Test
    void stopsOnItsOwnWhenRoundingNoiseKeepsTheValuesApart() {
        // a sum of thousands of terms is exact only to its rounding: here 1e-7 of deterministic noise per point,
        // far above the 1e-12 tolerance, so the values never agree and the simplex's size has to end the search
        for (double[] start : starts()) {
            NelderMead.Result result = NelderMead.minimise(x -> 1 + sq(x[0] - 1) + sq(x[1] + 1) + 1e-7 * noise(x),
                    start, 0.5, 1e-12, CAP);
            assertThat(result.point()[0]).isCloseTo(1, within(1e-2));
            assertThat(result.point()[1]).isCloseTo(-1, within(1e-2));
            assertThat(result.iterations()).as("iterations from %s", start[0]).isLessThan(2_000);
        }
    }

    @Test
    void stopsOnItsOwnWhenTheInfimumLiesAtTheEdgeOfTheParameterSpace() {
        // like a dropout probability that the data never show: the value keeps falling as x0 goes to -infinity,
        // evaluated with rounding noise as a likelihood summed over a customer base is
        for (double[] start : starts()) {
            NelderMead.Result result = NelderMead.minimise(x -> Math.exp(x[0]) + sq(x[1] - 2) + 1e-9 * noise(x),
                    start, 0.5, 1e-12, CAP);
            assertThat(result.value()).isLessThan(1e-6);
            assertThat(result.point()[1]).isCloseTo(2, within(1e-3));
            assertThat(result.iterations()).as("iterations from %s", start[0]).isLessThan(2_000);
        }
    }

    private static double[][] starts() {
        double[][] starts = new double[20][];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = new double[] {-2 + i * 0.37, 3 - i * 0.21};
        }
        return starts;
    }

    private static double noise(double[] x) {
        long bits = Double.doubleToLongBits(x[0]) * 31 + Double.doubleToLongBits(x[1]);
        bits ^= bits >>> 33;
        bits *= 0xff51afd7ed558ccdL;
        bits ^= bits >>> 33;
        return (bits >>> 11) / (double) (1L << 53);
    }

    private static double sq(double v) {
        return v * v;
    }
}
