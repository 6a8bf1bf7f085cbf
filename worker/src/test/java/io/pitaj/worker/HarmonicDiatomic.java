package io.pitaj.worker;

import io.pitaj.models.forcefield.NonbondedCutoff;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.targets.EnergyEvaluator;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.Target;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tiny molecular target for the CLI's molecular path: an O–H bond E = ½k(r − r0)² in kJ/mol and nm, whose bond
 * is switched off beyond 2 nm under the PITA cutoff (so tests can see the cutoff option arrive).
 */
final class HarmonicDiatomic extends Target {
    static final double K = 1000.0;   // kJ/(mol·nm²)
    static final double R0 = 0.1;     // nm

    private final double cutoff;

    HarmonicDiatomic(NonbondedCutoff cutoff) {
        super("oh", new ParticleLayout(2, 3), true, EnergyUnit.KJ_PER_MOL);
        this.cutoff = cutoff.distanceNm();
    }

    /** The catalogue entry; its default (no cutoff option) is no cutoff. */
    static SystemInfo<HarmonicDiatomic> system() {
        return new SystemInfo<>("oh", "harmonic O-H bond (test target)", new ParticleLayout(2, 3), EnergyUnit.KJ_PER_MOL,
                true, List.of(600.0, 300.0), true, options -> new HarmonicDiatomic(options.cutoffChoice().orElse(NonbondedCutoff.NONE)),
                HarmonicDiatomic::stretchedBond);
    }

    @Override
    public List<String> elementSymbols() { return List.of("O", "H"); }

    /** The bond along x at r0 ± 10 %. */
    void stretchedBond(SplittableRandom rng, double[] out, int offset) {
        out[offset] = 0; out[offset + 1] = 0; out[offset + 2] = 0;
        out[offset + 3] = R0 * (0.9 + 0.2 * rng.nextDouble()); out[offset + 4] = 0; out[offset + 5] = 0;
    }

    @Override
    protected EnergyEvaluator newEvaluator() {
        return (x, xo, grad, go) -> {
            double dx = x[xo + 3] - x[xo], dy = x[xo + 4] - x[xo + 1], dz = x[xo + 5] - x[xo + 2];
            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            boolean on = r <= cutoff;
            if (grad != null) {
                double f = on ? K * (r - R0) / r : 0;
                grad[go] = -f * dx; grad[go + 1] = -f * dy; grad[go + 2] = -f * dz;
                grad[go + 3] = f * dx; grad[go + 4] = f * dy; grad[go + 5] = f * dz;
            }
            return on ? 0.5 * K * (r - R0) * (r - R0) : 0;
        };
    }
}
