package dev.rapport.segmentation.domain.clv;

import static dev.rapport.segmentation.domain.clv.SpecialFunctions.hyp2f1;
import static dev.rapport.segmentation.domain.clv.SpecialFunctions.lnGamma;

import java.util.List;

/**
 * The BG/NBD purchase model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way"): purchases
 * while alive follow a Poisson process with a Gamma(r, α) rate; after each purchase a customer drops out with
 * probability p ~ Beta(a, b).
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

    public BgNbdModel {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive");
        }
    }

    /** The log-likelihood of one customer's (x, tₓ, T). */
    public double logLikelihood(int x, double tx, double t) {
        double a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
        double a2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + t);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double max = Math.max(a3, a4);
        return a1 + a2 + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
    }

    /** Maximum likelihood over the histories, Nelder–Mead on the logarithms of the four parameters. */
    public static BgNbdModel fit(List<CustomerHistory> histories) {
        return fit(histories, new double[] {0, 0, 0, 0}, 0.5);
    }

    /**
     * As {@link #fit(List)}, starting from {@code start} (the last fit on a base that changes little from day
     * to day): the simplex starts small around it and converges in fewer steps to the same optimum.
     */
    public static BgNbdModel fit(List<CustomerHistory> histories, BgNbdModel start) {
        return fit(histories, new double[] {Math.log(start.r()), Math.log(start.alpha()), Math.log(start.a()),
                Math.log(start.b())}, 0.1);
    }

    private static BgNbdModel fit(List<CustomerHistory> histories, double[] start, double step) {
        // the terms that depend on x alone are summed once per distinct x: the Gamma functions leave the loop
        int size = histories.size();
        int[] xs = new int[size];
        double[] txs = new double[size];
        double[] ts = new double[size];
        int maxX = 0;
        for (int i = 0; i < size; i++) {
            CustomerHistory h = histories.get(i);
            xs[i] = h.x();
            txs[i] = h.tx();
            ts[i] = h.t();
            maxX = Math.max(maxX, h.x());
        }
        int top = maxX;
        long[] perX = new long[top + 1];
        for (int x : xs) {
            perX[x]++;
        }
        double[] head = new double[top + 1];
        double[] tail = new double[top + 1];
        NelderMead.Result result = NelderMead.minimise(p -> {
            double r = Math.exp(p[0]);
            double alpha = Math.exp(p[1]);
            double a = Math.exp(p[2]);
            double b = Math.exp(p[3]);
            double sum = 0;
            double common = -lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b);
            for (int x = 0; x <= top; x++) {
                if (perX[x] > 0) {
                    head[x] = lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
                    sum += perX[x] * (common + head[x]);
                    tail[x] = x == 0 ? 0 : Math.log(a) - Math.log(b + x - 1);
                }
            }
            for (int i = 0; i < size; i++) {
                int x = xs[i];
                double a3 = -(r + x) * Math.log(alpha + ts[i]);
                if (x == 0) {
                    sum += a3;
                } else {
                    double a4 = tail[x] - (r + x) * Math.log(alpha + txs[i]);
                    double max = Math.max(a3, a4);
                    sum += max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
                }
            }
            return -sum;
        }, start, step, 1e-12, 20_000);
        double[] p = result.point();
        return new BgNbdModel(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]));
    }

    /** P(alive | x, tₓ, T). */
    public double probabilityAlive(int x, double tx, double t) {
        if (x == 0) {
            return 1.0;
        }
        return 1.0 / (1.0 + a / (b + x - 1) * Math.pow((alpha + t) / (alpha + tx), r + x));
    }

    /** E[purchases in the next {@code weeks} | x, tₓ, T]. */
    public double expectedPurchases(double weeks, int x, double tx, double t) {
        if (weeks <= 0) {
            return 0;
        }
        double z = weeks / (alpha + t + weeks);
        double first = (a + b + x - 1) / (a - 1);
        double second = 1 - Math.pow((alpha + t) / (alpha + t + weeks), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + t) / (alpha + tx), r + x) : 0);
        return first * second / denominator;
    }
}
