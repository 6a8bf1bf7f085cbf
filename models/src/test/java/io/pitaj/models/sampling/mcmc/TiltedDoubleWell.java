package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.EnergyEvaluator;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.Target;
import java.util.function.DoubleUnaryOperator;

/**
 * E = h(x² − 1)² + a·x in one dimension, reduced units: wells at x ≈ ±1 separated by a barrier of height ≈ h, the
 * tilt a making the left well the deeper one. Exact expectations come from quadrature.
 */
final class TiltedDoubleWell extends Target {
    private final double barrier;
    private final double tilt;

    TiltedDoubleWell(double barrier, double tilt) {
        super("double-well", new ParticleLayout(1, 1), false, EnergyUnit.REDUCED);
        this.barrier = barrier;
        this.tilt = tilt;
    }

    double energy(double x) { return barrier * (x * x - 1) * (x * x - 1) + tilt * x; }

    /** ⟨f⟩ under exp(−E/T), by Simpson's rule on [−4, 4] (the density there is below e⁻²⁰⁰ at the ends for h ≥ 1). */
    double expectation(DoubleUnaryOperator f, double temperature) {
        int n = 20_000;
        double lo = -4, hi = 4, h = (hi - lo) / n, z = 0, s = 0;
        for (int i = 0; i <= n; i++) {
            double x = lo + i * h;
            double w = (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)) * Math.exp(-energy(x) / temperature);
            z += w;
            s += w * f.applyAsDouble(x);
        }
        return s / z;
    }

    /** Probability of the left well, x &lt; 0. */
    double leftPopulation(double temperature) { return expectation(x -> x < 0 ? 1 : 0, temperature); }

    @Override
    protected EnergyEvaluator newEvaluator() {
        return (x, xo, grad, go) -> {
            double v = x[xo];
            if (grad != null) grad[go] = 4 * barrier * v * (v * v - 1) + tilt;
            return energy(v);
        };
    }
}
