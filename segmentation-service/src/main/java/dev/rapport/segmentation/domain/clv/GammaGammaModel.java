package dev.rapport.segmentation.domain.clv;

import static dev.rapport.segmentation.domain.clv.SpecialFunctions.lnGamma;

import java.util.List;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"): a customer's purchase values are
 * Gamma(p, ν) with ν ~ Gamma(q, γ), independent of the purchase process. Fitted on customers with repeat
 * purchases.
 */
public record GammaGammaModel(double p, double q, double gamma) {

    public GammaGammaModel {
        if (!(p > 0 && q > 0 && gamma > 0)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive");
        }
    }

    /** The log-likelihood of one customer's x repeat purchases with mean value m (x &gt; 0, m &gt; 0). */
    public double logLikelihood(int x, double m) {
        double px = p * x;
        return lnGamma(px + q) - lnGamma(px) - lnGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(m)
                + px * Math.log(x) - (px + q) * Math.log(x * m + gamma);
    }

    public static GammaGammaModel fit(List<CustomerHistory> histories) {
        return fit(histories, new double[] {0, 0, 0}, 0.5);
    }

    /** As {@link #fit(List)}, starting from {@code start} (the last fit): fewer steps to the same optimum. */
    public static GammaGammaModel fit(List<CustomerHistory> histories, GammaGammaModel start) {
        return fit(histories, new double[] {Math.log(start.p()), Math.log(start.q()), Math.log(start.gamma())}, 0.1);
    }

    private static GammaGammaModel fit(List<CustomerHistory> histories, double[] start, double step) {
        List<CustomerHistory> repeat = histories.stream().filter(h -> h.x() > 0 && h.meanSpend() > 0).toList();
        // log m and log x are fixed; the Gamma functions depend on x alone: once per distinct x
        int size = repeat.size();
        int[] xs = new int[size];
        double[] ms = new double[size];
        double[] logMs = new double[size];
        int maxX = 0;
        for (int i = 0; i < size; i++) {
            xs[i] = repeat.get(i).x();
            ms[i] = repeat.get(i).meanSpend();
            logMs[i] = Math.log(ms[i]);
            maxX = Math.max(maxX, xs[i]);
        }
        int top = maxX;
        long[] perX = new long[top + 1];
        for (int x : xs) {
            perX[x]++;
        }
        NelderMead.Result result = NelderMead.minimise(v -> {
            double p = Math.exp(v[0]);
            double q = Math.exp(v[1]);
            double gamma = Math.exp(v[2]);
            double sum = 0;
            double common = -lnGamma(q) + q * Math.log(gamma);
            for (int x = 1; x <= top; x++) {
                if (perX[x] > 0) {
                    double px = p * x;
                    sum += perX[x] * (common + lnGamma(px + q) - lnGamma(px) + px * Math.log(x));
                }
            }
            for (int i = 0; i < size; i++) {
                double px = p * xs[i];
                sum += (px - 1) * logMs[i] - (px + q) * Math.log(xs[i] * ms[i] + gamma);
            }
            return -sum;
        }, start, step, 1e-12, 20_000);
        double[] v = result.point();
        return new GammaGammaModel(Math.exp(v[0]), Math.exp(v[1]), Math.exp(v[2]));
    }

    /** E[mean purchase value | x, m]; the population mean pγ/(q − 1) for a customer without repeat purchases. */
    public double expectedMeanSpend(int x, double m) {
        double populationMean = q > 1 ? p * gamma / (q - 1) : m;
        if (x == 0) {
            return populationMean;
        }
        double weight = p * x / (p * x + q - 1);
        return (1 - weight) * populationMean + weight * m;
    }
}
