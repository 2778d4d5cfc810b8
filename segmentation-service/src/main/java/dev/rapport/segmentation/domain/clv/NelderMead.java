package dev.rapport.segmentation.domain.clv;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/** The Nelder–Mead simplex minimiser (standard coefficients), for the maximum-likelihood fits. */
public final class NelderMead {

    /** The minimum found, its value and the iterations used. */
    public record Result(double[] point, double value, int iterations) {
    }

    private static final double SMALLEST_SPREAD = 1e-9;

    private NelderMead() {
    }

    /**
     * Minimises {@code f} from a simplex of edge {@code step} around {@code start}. A run stops when the simplex's
     * values agree to {@code tolerance} (relative) or the simplex has shrunk below 1e-9 in every coordinate; it
     * then restarts around its best point and stops for good when a restart improves by no more than that.
     * Either test alone can hold out for ever: at an optimum on a boundary of the parameter space (a likelihood
     * still rising as a parameter goes to zero) the simplex walks along without shrinking, and a simplex shrunk
     * to rounding size sees values that differ by the noise of summing thousands of terms. The restart guards
     * against a simplex that collapsed early.
     */
    public static Result minimise(ToDoubleFunction<double[]> f, double[] start, double step, double tolerance,
            int maxIterations) {
        Result best = run(f, start, step, tolerance, maxIterations);
        int used = best.iterations();
        while (used < maxIterations) {
            Result again = run(f, best.point(), step, tolerance, maxIterations - used);
            used += Math.max(1, again.iterations());
            boolean improved = again.value() < best.value() && !agree(again.value(), best.value(), tolerance);
            if (again.value() < best.value()) {
                best = again;
            }
            if (!improved) {
                break;
            }
        }
        return new Result(best.point(), best.value(), used);
    }

    private static Result run(ToDoubleFunction<double[]> f, double[] start, double step, double tolerance,
            int maxIterations) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 1; i <= n; i++) {
            simplex[i] = start.clone();
            simplex[i][i - 1] += step;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = safe(f, simplex[i]);
        }
        int iteration = 0;
        for (; iteration < maxIterations; iteration++) {
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
            double[][] sorted = new double[n + 1][];
            double[] sortedValues = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                sorted[i] = simplex[order[i]];
                sortedValues[i] = values[order[i]];
            }
            simplex = sorted;
            values = sortedValues;
            // values that agree, or a simplex shrunk to rounding size where the values differ by evaluation noise
            if (agree(values[0], values[n], tolerance) || spread(simplex) < SMALLEST_SPREAD) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = combine(centroid, simplex[n], -1.0);
            double fr = safe(f, reflected);
            if (fr < values[0]) {
                double[] expanded = combine(centroid, simplex[n], -2.0);
                double fe = safe(f, expanded);
                if (fe < fr) {
                    simplex[n] = expanded;
                    values[n] = fe;
                } else {
                    simplex[n] = reflected;
                    values[n] = fr;
                }
            } else if (fr < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = fr;
            } else {
                boolean outside = fr < values[n];
                double[] contracted = outside ? combine(centroid, simplex[n], -0.5) : combine(centroid, simplex[n], 0.5);
                double fc = safe(f, contracted);
                if (fc < Math.min(fr, values[n])) {
                    simplex[n] = contracted;
                    values[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) {
                            simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        }
                        values[i] = safe(f, simplex[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return new Result(simplex[best].clone(), values[best], iteration);
    }

    /** centroid + coefficient · (worst − centroid). */
    private static double[] combine(double[] centroid, double[] worst, double coefficient) {
        double[] point = new double[centroid.length];
        for (int j = 0; j < point.length; j++) {
            point[j] = centroid[j] + coefficient * (worst[j] - centroid[j]);
        }
        return point;
    }

    /** Whether {@code other} is within {@code tolerance} of {@code lowest}, relative to it. */
    private static boolean agree(double lowest, double other, double tolerance) {
        return Math.abs(other - lowest) <= tolerance * (Math.abs(lowest) + 1e-12);
    }

    private static double spread(double[][] simplex) {
        double max = 0;
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < simplex[0].length; j++) {
                max = Math.max(max, Math.abs(simplex[i][j] - simplex[0][j]));
            }
        }
        return max;
    }

    private static double safe(ToDoubleFunction<double[]> f, double[] x) {
        double value = f.applyAsDouble(x);
        return Double.isFinite(value) ? value : Double.MAX_VALUE;
    }
}
