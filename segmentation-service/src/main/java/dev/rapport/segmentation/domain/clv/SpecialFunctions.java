package dev.rapport.segmentation.domain.clv;

/** ln Γ and the Gauss hypergeometric function, as the BG/NBD and Gamma-Gamma formulas need them. */
public final class SpecialFunctions {

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7; about 15 significant digits). */
    public static double lnGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        x -= 1;
        double sum = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** ₂F₁(a, b; c; z) by its power series, for 0 ≤ z &lt; 1. */
    public static double hyp2f1(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("z must be in [0, 1)");
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < 100_000; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-14 * Math.abs(sum)) {
                return sum;
            }
        }
        return sum;
    }
}
