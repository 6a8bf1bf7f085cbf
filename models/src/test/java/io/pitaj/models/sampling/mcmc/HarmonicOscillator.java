package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.EnergyEvaluator;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.Target;

/** E = ½k|x|² in D dimensions, reduced units: at temperature T every coordinate is N(0, T/k). */
final class HarmonicOscillator extends Target {
    private final double springConstant;

    HarmonicOscillator(int dimension, double springConstant) {
        super("harmonic-" + dimension, new ParticleLayout(1, dimension), false, EnergyUnit.REDUCED);
        this.springConstant = springConstant;
    }

    double variance(double temperature) { return temperature / springConstant; }

    @Override
    protected EnergyEvaluator newEvaluator() {
        int d = dimension();
        return (x, xo, grad, go) -> {
            double e = 0;
            for (int j = 0; j < d; j++) {
                e += 0.5 * springConstant * x[xo + j] * x[xo + j];
                if (grad != null) grad[go + j] = springConstant * x[xo + j];
            }
            return e;
        };
    }
}
