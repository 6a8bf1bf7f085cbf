package io.pitaj.models.nets;

import io.pitaj.models.runtime.ExecutionProvider;

/** How an SMC-step graph obtains ∇ₓ·s_θ. */
public sealed interface DivergenceMode {
    /** No divergence and no derivatives: score and energy values only (plain generation, forward timing). */
    record None() implements DivergenceMode {}

    /** The exact Jacobian trace, {@code perPass} coordinates per backward pass. */
    record Exact(int perPass) implements DivergenceMode {
        /** Backward passes on CPU: measured fastest for the LJ-13 EGNN (13 of 39) and the ALDP DiT (22 of 66). */
        public static final int CPU_PASSES = 3;

        public Exact {
            if (perPass < 1) throw new IllegalArgumentException("coordinates per backward pass must be ≥ 1, got " + perPass);
        }

        /**
         * The default for a device and d coordinates: on CPU d split evenly into {@link #CPU_PASSES} passes (one pass
         * of all d costs more in memory traffic than it saves in per-op overhead; many small ones the reverse); on CUDA
         * one pass, the fewest and largest kernels. Memory grows with the coordinates per pass times the particles per
         * call, so large systems need smaller particle chunks.
         */
        public static Exact forDevice(ExecutionProvider provider, int d) {
            int passes = provider == ExecutionProvider.CUDA ? 1 : Math.min(CPU_PASSES, d);
            return new Exact((d + passes - 1) / passes);
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
