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
        List<CustomerHistory> repeat = histories.stream().filter(h -> h.x() > 0 && h.meanSpend() > 0).toList();
        NelderMead.Result result = NelderMead.minimise(v -> {
            GammaGammaModel m = new GammaGammaModel(Math.exp(v[0]), Math.exp(v[1]), Math.exp(v[2]));
            double sum = 0;
            for (CustomerHistory h : repeat) {
                sum += m.logLikelihood(h.x(), h.meanSpend());
            }
            return -sum;
        }, new double[] {0, 0, 0}, 0.5, 1e-12, 20_000);
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
