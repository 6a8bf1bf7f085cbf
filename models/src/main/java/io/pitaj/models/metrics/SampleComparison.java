package io.pitaj.models.metrics;

import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.sampling.LogWeights;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metric table of one weighted sample set against a reference set of the same system and temperature
 * (benchmarks.md §3, pita-algorithm.md §4.1), keys as {@code pita eval --json} prints them; a key that does not apply
 * to the system is absent. Coordinates are physical (nm for peptides), energies are divided by k_B·T of the
 * evaluated temperature; every weighted metric uses the normalised weights.
 *
 * <ul>
 *   <li>{@code energy_w1}, {@code energy_w2}: exact 1-D W1 and W2 (the square root of W2²) of E/(k_B T).
 *   <li>{@code distance_w2}: 1-D W2 of the pooled pair distances (systems of more than one particle).
 *   <li>{@code sample_w2}: exact OT on flattened coordinates, no alignment, on subsamples of at most
 *       {@value #ASSIGNMENT_LIMIT} points ({@link AssignmentW2}).
 *   <li>peptides: {@code torus_w2} on every residue's (φ, ψ), {@code rama_kl} (TA-BG's forward KL, first residue with
 *       φ and ψ), {@code chirality_l_fraction} (weighted) of Cα centres with positive signed volume and
 *       {@code chirality_d_count}, the number of (sample, residue) centres that are D, and {@code tica_w1},
 *       {@code tica_w2} on the first two TICA components fitted on the reference rows in file order (a trajectory) at
 *       lag {@link #ticaLag} — absent when the reference is too short for the lag.
 *   <li>{@code ess}: Kish ESS of the samples' weights; with the evaluations that made them known,
 *       {@code energy_evaluations} and {@code ess_per_energy_evaluation}; mixtures: {@code mode_masses} of the samples and
 *       {@code mode_masses_exact} (quadrature of p^(1/T) in 2-D, else importance sampling from the tempered components, exact sampling at T = 1)
 *       and their total-variation distance {@code mode_mass_tv} = ½Σ|m_k − m_k,exact|.
 * </ul>
 */
public final class SampleComparison {
    public static final int ASSIGNMENT_LIMIT = 1000;
    /** Draws behind the mode masses of mixtures that are not 2-D ({@link GaussianMixture#modeMasses(double, int, long, double[])}). */
    public static final int MODE_MASS_DRAWS = 200_000;

    private SampleComparison() {}

    /** A set as the metrics need it: physical coordinates, log-weights and energies (target units). */
    public record Set(double[] x, double[] logWeights, double[] energies) {
        public int size() { return energies.length; }

        double[] probabilities() { return LogWeights.probabilities(logWeights); }
    }

    /** PITA's TICA lag in frames: 10 for 33 atoms (AL3), 100 otherwise (pita-algorithm.md §4.1). */
    public static int ticaLag(int atoms) { return atoms == 33 ? 10 : 100; }

    /**
     * @param energyEvaluations the target evaluations (energies and forces) that made the samples, or a negative
     *                          number when unknown (then {@code energy_evaluations} and
     *                          {@code ess_per_energy_evaluation} are absent)
     */
    public static Map<String, Object> compare(Target target, double temperature, Set samples, Set reference, long seed,
                                              long energyEvaluations) {
        Map<String, Object> m = new LinkedHashMap<>();
        double kT = target.unit().kT(temperature);
        double[] ps = samples.probabilities(), pr = reference.probabilities();
        double[] es = scaled(samples.energies(), 1 / kT), er = scaled(reference.energies(), 1 / kT);
        m.put("energy_w1", Wasserstein1D.distance(es, ps, er, pr, 1));
        m.put("energy_w2", Wasserstein1D.distance(es, ps, er, pr, 2));
        int particles = target.layout().particles(), spatial = target.layout().spatialDim();
        if (particles > 1) m.put("distance_w2", InteratomicDistances.w2(samples.x(), ps, reference.x(), pr, particles, spatial));
        m.put("sample_w2", AssignmentW2.distance(samples.x(), ps, reference.x(), pr, target.dimension(), AssignmentW2.EUCLIDEAN,
                ASSIGNMENT_LIMIT, seed));
        if (target instanceof PeptideTarget peptide) peptideMetrics(peptide, samples, ps, reference, pr, seed, m);
        double ess = EffectiveSampleSize.kish(samples.logWeights());
        m.put("ess", ess);
        if (energyEvaluations >= 0) {
            m.put("energy_evaluations", (double) energyEvaluations);
            if (energyEvaluations > 0) m.put("ess_per_energy_evaluation", ess / energyEvaluations);
        }
        if (target instanceof GaussianMixture mixture) {
            double[] masses = mixture.modeMasses(samples.x(), ps), exact = mixture.dimension() == 2 ? mixture.modeMasses(1 / temperature)
                    : mixture.modeMasses(1 / temperature, MODE_MASS_DRAWS, seed, null);
            m.put("mode_masses", masses);
            m.put("mode_masses_exact", exact);
            double tv = 0;
            for (int k = 0; k < masses.length; k++) tv += 0.5 * Math.abs(masses[k] - exact[k]);
            m.put("mode_mass_tv", tv);
        }
        return m;
    }

    private static void peptideMetrics(PeptideTarget peptide, Set samples, double[] ps, Set reference, double[] pr, long seed,
                                       Map<String, Object> m) {
        BackboneAngles angles = BackboneAngles.of(peptide.topology());
        int r = angles.residues().size();
        double[] as = angles.phiPsi(samples.x(), samples.size()), ar = angles.phiPsi(reference.x(), reference.size());
        m.put("torus_w2", AssignmentW2.distance(as, ps, ar, pr, 2 * r, AssignmentW2.TORUS, ASSIGNMENT_LIMIT, seed));
        m.put("rama_kl", RamachandranKl.divergence(firstPair(ar, r), pr, firstPair(as, r), ps));
        double[] chiral = angles.chiralVolumes(samples.x(), samples.size());
        double l = 0, total = 0;
        int dCentres = 0;
        for (int s = 0; s < samples.size(); s++) {
            for (int q = 0; q < r; q++) {
                double v = chiral[s * r + q];
                if (Double.isNaN(v)) continue;
                total += ps[s];
                if (v > 0) l += ps[s];
                else dCentres++;
            }
        }
        if (total > 0) {
            m.put("chirality_l_fraction", l / total);
            m.put("chirality_d_count", (double) dCentres);
        }
        int lag = ticaLag(peptide.layout().particles());
        if (reference.size() > 2 * lag) {
            TicaFeatures f = new TicaFeatures(peptide.topology());
            double[] fr = f.of(reference.x(), reference.size()), fs = f.of(samples.x(), samples.size());
            Tica tica = Tica.fit(fr, reference.size(), f.dimension(), lag);
            double[] ts = tica.project(fs, samples.size(), 2), tr = tica.project(fr, reference.size(), 2);
            m.put("tica_w1", AssignmentW2.w1(ts, ps, tr, pr, 2, ASSIGNMENT_LIMIT, seed));
            m.put("tica_w2", AssignmentW2.distance(ts, ps, tr, pr, 2, AssignmentW2.EUCLIDEAN, ASSIGNMENT_LIMIT, seed));
        }
    }

    /** (φ, ψ) of the first residue per sample. */
    private static double[] firstPair(double[] phiPsi, int residues) {
        int n = phiPsi.length / (2 * residues);
        double[] out = new double[2 * n];
        for (int s = 0; s < n; s++) {
            out[2 * s] = phiPsi[s * 2 * residues];
            out[2 * s + 1] = phiPsi[s * 2 * residues + 1];
        }
        return out;
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * f;
        return out;
    }
}
