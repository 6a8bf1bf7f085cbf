package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.forcefield.PeptideSystems;
import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.Target;
import io.pitaj.models.train.LossCurve;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which plots apply to which system, and that each one is a PNG of the fixed size. */
class SampleSetPlotsTest {
    @TempDir
    Path dir;

    private static SampleSet set(Target target, double temperature, double[] x, int count, Map<String, String> attributes) {
        double[] e = new double[count];
        target.energies(x, count, e, null);
        return new SampleSet(target.name(), temperature, "reduced", target.elementSymbols(), "test", 0, target.dimension(), x,
                new double[count], e, null).withAttributes(attributes);
    }

    private static void assertFixedSize(Path dir, List<RunReport.Plot> plots) throws Exception {
        for (RunReport.Plot p : plots) {
            boolean wide = p.file().startsWith("ramachandran");
            PlotImages.assertRendered(dir.resolve(p.file()), wide ? PlotStyle.WIDE_WIDTH_PX : PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
            assertTrue(!p.caption().isBlank(), p.file());
        }
    }

    @Test
    void aMixtureGetsEnergyScatterTracesAndLoss() throws Exception {
        GaussianMixture mog4 = GaussianMixture.mog4();
        int n = 1000;
        double[] x = new double[2 * n], y = new double[2 * n];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            mog4.drawSample(rng, x, 2 * i);
            mog4.drawSample(rng, y, 2 * i);
        }
        SampleSet annealed = set(mog4, 1, x, n, Map.of("ess_trace", "1000,800,600", "log_normaliser_trace", "0,0.5,0.7", "particles", "1000"));
        LossCurve loss = new LossCurve(10, new long[] {10, 20, 30}, new double[] {3, 2, 1}, Map.of("score", new double[] {2, 1.5, 0.5}));
        List<RunReport.Plot> plots = SampleSetPlots.render(dir, mog4, annealed, set(mog4, 1, y, n, Map.of()), loss);
        assertEquals(List.of(SampleSetPlots.ENERGY, SampleSetPlots.SCATTER, SampleSetPlots.SMC_TRACE, SampleSetPlots.TRAINING_LOSS),
                plots.stream().map(RunReport.Plot::file).toList());
        assertFixedSize(dir, plots);
    }

    @Test
    void aLadderGetsOneEnergyHistogramOfEveryRung() throws Exception {
        GaussianMixture mog4 = GaussianMixture.mog4();
        Map<String, SampleSet> rungs = new java.util.LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (double t : new double[] {4, 2, 1}) {
            double[] x = new double[400];
            for (int i = 0; i < 200; i++) {
                mog4.drawSample(rng, x, 2 * i);
                for (int j = 0; j < 2; j++) x[2 * i + j] *= Math.sqrt(t);
            }
            rungs.put("T = " + t, set(mog4, t, x, 200, Map.of()));
        }
        RunReport.Plot p = SampleSetPlots.ladderEnergies(dir, mog4, rungs, rungs.get("T = 1.0"));
        assertEquals(SampleSetPlots.LADDER_ENERGY, p.file());
        PlotImages.assertRendered(dir.resolve(p.file()), PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void aPeptideGetsDistancesAndARamachandranMapPerResidueWithoutAReference() throws Exception {
        try (PeptideTarget aldp = PeptideSystems.aldp()) {
            double[] s = PeptideSystems.referencePositionsNm("aldp");
            int n = 40, d = s.length;
            double[] x = new double[n * d];
            SplittableRandom rng = new SplittableRandom(2);
            for (int i = 0; i < x.length; i++) x[i] = s[i % d] + 0.01 * rng.nextGaussian();
            List<RunReport.Plot> plots = SampleSetPlots.render(dir, aldp, set(aldp, 300, x, n, Map.of()), null, null);
            assertEquals(List.of(SampleSetPlots.ENERGY, SampleSetPlots.DISTANCES, SampleSetPlots.ramachandran(0)),
                    plots.stream().map(RunReport.Plot::file).toList());
            // without a reference the map is one panel
            PlotImages.assertRendered(dir.resolve(SampleSetPlots.ramachandran(0)), PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
            PlotImages.assertRendered(dir.resolve(SampleSetPlots.DISTANCES), PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
        }
    }
}
