package io.pitaj.models.nets;

/** How an SMC-step graph obtains ∇ₓ·s_θ. */
public sealed interface DivergenceMode {
    /** No divergence and no derivatives: score and energy values only (plain generation, forward timing). */
    record None() implements DivergenceMode {}

    /** The exact Jacobian trace, {@code perPass} coordinates per backward pass. */
    record Exact(int perPass) implements DivergenceMode {
        public Exact {
            if (perPass < 1) throw new IllegalArgumentException("coordinates per backward pass must be ≥ 1, got " + perPass);
        }
    }

    /** Hutchinson's estimate averaged over {@code probes} probes supplied as a graph input. */
    record Hutchinson(int probes) implements DivergenceMode {
        public Hutchinson {
            if (probes < 1) throw new IllegalArgumentException("Hutchinson needs at least one probe, got " + probes);
        }
    }

    static DivergenceMode none() { return new None(); }

    static DivergenceMode exact(int perPass) { return new Exact(perPass); }

    static DivergenceMode hutchinson(int probes) { return new Hutchinson(probes); }
}
