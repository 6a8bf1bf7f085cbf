package io.pitaj.activities.report;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.metrics.BackboneAngles;
import io.pitaj.models.metrics.InteratomicDistances;
import io.pitaj.models.sampling.LogWeights;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import io.pitaj.models.train.LossCurve;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every plot that applies to one sample set (against a reference when there is one), rendered into a directory: the
 * energy histogram, the interatomic-distance histogram (systems of several particles), a Ramachandran map per
 * residue (peptides), the scatter over the exact density's contours (2-D systems), the SMC traces (annealed sets,
 * from their attributes) and the training loss (when the model's curve is given). File names are fixed, so reports of
 * different runs line up.
 */
public final class SampleSetPlots {
    public static final String ENERGY = "energy.png", DISTANCES = "distances.png", SCATTER = "scatter.png", SMC_TRACE = "smc-trace.png",
            TRAINING_LOSS = "training-loss.png", LADDER_ENERGY = "ladder-energy.png";

    private SampleSetPlots() {}

    /** Ramachandran map of residue {@code r} (0-based among residues with φ and ψ). */
    public static String ramachandran(int r) { return "ramachandran-" + (r + 1) + ".png"; }

    /**
     * Renders into {@code dir} and returns the plots in report order.
     *
     * @param reference the reference set at the same temperature, or null
     * @param loss      the loss curve of the model behind the samples, or null
     */
    public static List<RunReport.Plot> render(Path dir, Target target, SampleSet samples, SampleSet reference, LossCurve loss) {
        String label = target.name() + " at T = " + temperature(samples.temperature(), target.unit());
        double kT = target.unit().kT(samples.temperature());
        double[] ps = LogWeights.probabilities(samples.logWeight());
        double[] pr = reference == null ? null : LogWeights.probabilities(reference.logWeight());
        List<RunReport.Plot> plots = new ArrayList<>();

        List<WeightedSeries> energies = new ArrayList<>(List.of(new WeightedSeries("samples", scaled(samples.energy(), 1 / kT), ps)));
        if (reference != null) energies.add(new WeightedSeries("reference", scaled(reference.energy(), 1 / kT), pr));
        Histograms.energy(dir.resolve(ENERGY), label + ": energy", "energy E / k_B T", energies);
        plots.add(new RunReport.Plot(ENERGY, "Energy histogram of the samples" + against(reference) + ", in units of k_B·T."));

        int particles = target.layout().particles(), spatial = target.layout().spatialDim();
        if (particles > 1) {
            List<WeightedSeries> d = new ArrayList<>(List.of(distances("samples", samples, ps, particles, spatial)));
            if (reference != null) d.add(distances("reference", reference, pr, particles, spatial));
            Histograms.distances(dir.resolve(DISTANCES), label + ": interatomic distances",
                    "interatomic distance r (" + target.unit().lengthUnit() + ")", d);
            plots.add(new RunReport.Plot(DISTANCES, "Histogram of all pairwise interatomic distances" + against(reference) + "."));
        }

        if (target instanceof PeptideTarget peptide) {
            BackboneAngles angles = BackboneAngles.of(peptide.topology());
            int residues = angles.residues().size();
            double[] as = angles.phiPsi(samples.x(), samples.count());
            double[] ar = reference == null ? null : angles.phiPsi(reference.x(), reference.count());
            for (int r = 0; r < residues; r++) {
                String file = ramachandran(r);
                BackboneAngles.Residue q = angles.residues().get(r);
                RamachandranPlot.render(dir.resolve(file), label + ": Ramachandran, " + q.name() + " " + (q.index() + 1),
                        residue(as, r, residues), ps, ar == null ? null : residue(ar, r, residues), pr);
                plots.add(new RunReport.Plot(file, "Ramachandran free energy −ln p(φ, ψ) of residue " + q.name() + " " + (q.index() + 1)
                        + (reference != null ? ", samples beside the reference on one colour scale" : "") + "."));
            }
        }

        if (target.dimension() == 2) {
            double[] e = new double[1];
            java.util.function.DoubleBinaryOperator logDensity = (a, b) -> -target.energies(new double[] {a, b}, 1, e, null)[0] / kT;
            ScatterPlot.render(dir.resolve(SCATTER), label + ": samples", samples.x(), ps, logDensity,
                    "x₁ (" + target.unit().lengthUnit() + ")", "x₂ (" + target.unit().lengthUnit() + ")");
            plots.add(new RunReport.Plot(SCATTER, "The samples (drawn by weight) over contours of the exact density p^(1/T) at 0.5, 2, 4.5 and 8 below its maximum log."));
        }

        Map<String, String> a = samples.attributes();
        if (a.containsKey("ess_trace") || a.containsKey("log_normaliser_trace")) {
            double particlesAnnealed = Double.parseDouble(a.getOrDefault("particles", Integer.toString(samples.count())));
            SmcTracePlot.render(dir.resolve(SMC_TRACE), label + ": Feynman–Kac SMC", scaled(parse(a.get("ess_trace")), 1 / particlesAnnealed),
                    parse(a.get("log_normaliser_trace")));
            plots.add(new RunReport.Plot(SMC_TRACE, "Effective sample size over the particle count and the running log-normaliser estimate log Ẑ over the SMC steps."));
        }

        if (loss != null && loss.steps().length > 0) {
            TreeMap<String, double[]> terms = new TreeMap<>(loss.terms());
            terms.put("total (weighted)", loss.total());
            TrainingLossPlot.render(dir.resolve(TRAINING_LOSS), label + ": training loss", loss.steps(), terms);
            plots.add(new RunReport.Plot(TRAINING_LOSS, "Training loss per term (unweighted) and the weighted total, means over blocks of "
                    + loss.blockSteps() + " updates."));
        }
        return plots;
    }

    /**
     * The energies of every rung of a ladder in the system's energy unit (not per k_B·T: the rungs are at different
     * temperatures), hot to cold, with the reference at the target temperature last, so the walk down the ladder
     * shows as histograms moving toward the reference.
     *
     * @param rungs labels (e.g. "rung 2, T = 1.6") to their sets, hot to cold
     */
    public static RunReport.Plot ladderEnergies(Path dir, Target target, Map<String, SampleSet> rungs, SampleSet reference) {
        List<WeightedSeries> series = new ArrayList<>();
        List<Map.Entry<String, SampleSet>> entries = new ArrayList<>(rungs.entrySet());
        // the coldest rung first: it takes the sample colour, the reference the reference colour
        java.util.Collections.reverse(entries);
        for (Map.Entry<String, SampleSet> e : entries) {
            series.add(new WeightedSeries(e.getKey(), e.getValue().energy(), LogWeights.probabilities(e.getValue().logWeight())));
            if (series.size() == 1 && reference != null) {
                series.add(new WeightedSeries("reference, T = " + temperature(reference.temperature(), target.unit()), reference.energy(),
                        LogWeights.probabilities(reference.logWeight())));
            }
        }
        Histograms.energy(dir.resolve(LADDER_ENERGY), target.name() + ": energy per rung", "energy E (" + target.unit().energyUnit() + ")", series);
        return new RunReport.Plot(LADDER_ENERGY, "Energy histograms of every rung" + against(reference) + " at the target temperature.");
    }

    private static String against(SampleSet reference) { return reference == null ? "" : " against the reference"; }

    static String temperature(double t, EnergyUnit unit) {
        String v = ReportWriter.number(t);
        return unit == EnergyUnit.REDUCED ? v : v + " " + unit.temperatureUnit();
    }

    private static WeightedSeries distances(String name, SampleSet s, double[] p, int particles, int spatial) {
        double[] w = scaled(InteratomicDistances.weights(p, particles), 2.0 / (particles * (particles - 1.0)));
        return new WeightedSeries(name, InteratomicDistances.of(s.x(), s.count(), particles, spatial), w);
    }

    private static double[] residue(double[] phiPsi, int r, int residues) {
        int n = phiPsi.length / (2 * residues);
        double[] out = new double[2 * n];
        for (int s = 0; s < n; s++) {
            out[2 * s] = phiPsi[s * 2 * residues + 2 * r];
            out[2 * s + 1] = phiPsi[s * 2 * residues + 2 * r + 1];
        }
        return out;
    }

    private static double[] parse(String joined) {
        if (joined == null || joined.isBlank()) return new double[0];
        return Arrays.stream(joined.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * f;
        return out;
    }
}
