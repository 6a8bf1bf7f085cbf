package io.pitaj.models.sampling;

import java.util.Locale;

/**
 * How an annealing run weights its particles, recorded with its output.
 *
 * <ul>
 *   <li>{@link Exact}: Feynman–Kac weights with the exact divergence of the score network (the reference's mode).
 *   <li>{@link Hutchinson}: the same weights with ∇·s estimated from {@code probes} Rademacher probes — cheaper, and
 *       unbiased per step, but the noise adds weight variance.
 *   <li>{@link SelfNormalised}: no divergence at all — generate at the model's own temperature by the reverse SDE,
 *       then importance-weight once against the colder target with the energy network's U_φ(x, t = 0) as the
 *       proposal's log-density surrogate (the idea of SITA, arXiv 2605.31498), and resample.
 *   <li>{@link ScoreScaling}: the unweighted baseline of §1.8.6 ({@code debias_inference = False}): drift γ·g²·s_θ,
 *       no energy network, no weights; biased by construction, kept to show what the weights buy.
 * </ul>
 */
public sealed interface WeightEstimator {
    /** The CLI spelling: {@code exact}, {@code hutchinson:P}, {@code snis}, {@code none}. */
    String label();

    record Exact() implements WeightEstimator {
        public String label() { return "exact"; }
    }

    record Hutchinson(int probes) implements WeightEstimator {
        public Hutchinson {
            if (probes < 1) throw new IllegalArgumentException("Hutchinson needs at least one probe, got " + probes);
        }

        public String label() { return "hutchinson:" + probes; }
    }

    record SelfNormalised() implements WeightEstimator {
        public String label() { return "snis"; }
    }

    record ScoreScaling() implements WeightEstimator {
        public String label() { return "none"; }
    }

    static WeightEstimator parse(String label) {
        String s = label.trim().toLowerCase(Locale.ROOT);
        if (s.equals("exact")) return new Exact();
        if (s.equals("snis")) return new SelfNormalised();
        if (s.equals("none")) return new ScoreScaling();
        if (s.startsWith("hutchinson:")) {
            try {
                return new Hutchinson(Integer.parseInt(s.substring("hutchinson:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + label + "': the probe count after 'hutchinson:' must be an integer");
            }
        }
        throw new IllegalArgumentException("unknown weight estimator '" + label + "'; choose exact, hutchinson:P, snis or none");
    }
}
