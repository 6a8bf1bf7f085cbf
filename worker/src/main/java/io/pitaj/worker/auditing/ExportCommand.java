package io.pitaj.worker.auditing;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.forcefield.AmberTopology;
import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.UserInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita export RUN}: one rung's final samples (the hot data for rung 0, the relaxed annealed set after) as
 * Arrow, CSV (coordinates, log-weight, energy), multi-frame XYZ (Å for peptides, reduced units padded to 3-D
 * otherwise; the log-weight and energy in each frame's comment line) or, for peptides, multi-model PDB
 * ({@link PdbWriter}). Never overwrites.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a rung's samples of a run as arrow, csv, xyz or (peptides) pdb.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Option(names = "--rung", defaultValue = "final", paramLabel = "K|final", description = "Rung index or final (default ${DEFAULT-VALUE}).")
    private String rung;

    @Option(names = "--format", required = true, paramLabel = "arrow|csv|xyz|pdb", description = "Output format; pdb for peptides only.")
    private String format;

    @Option(names = "--output", required = true, paramLabel = "F", description = "Output file (never overwritten).")
    private Path output;

    @Mixin
    private StoredRunOptions run;

    @Override
    public Integer call() throws IOException {
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("arrow", "csv", "xyz", "pdb").contains(f)) throw new UserInputException("--format must be arrow, csv, xyz or pdb, got '" + format + "'");
        if (Files.exists(output)) throw new UserInputException(output + " already exists; choose another --output");
        SampleSet set;
        int k;
        try (RunStore stored = run.open()) {
            List<RunStore.Stored> records = stored.records();
            int last = records.stream().filter(s -> s.record().rung() != null).mapToInt(s -> s.record().rung()).max().orElse(0);
            try {
                k = rung.equalsIgnoreCase("final") ? last : Integer.parseInt(rung);
            } catch (NumberFormatException e) {
                throw new UserInputException("--rung must be a rung index or final, got '" + rung + "'");
            }
            String stage = k == 0 ? "hot/merged" : "rung-" + k + "/relax";
            ArtifactRef ref = records.stream().filter(s -> s.record().stage().equals(stage)).findFirst()
                    .map(s -> s.record().outputs().get(0))
                    .orElseThrow(() -> new UserInputException("run " + run.runId + " has no samples of rung " + k + " (stage " + stage + " is not complete)"));
            Path tmp = Files.createTempFile("pita-export", ".arrow");
            try {
                stored.store.get(ref, tmp);
                set = SampleSetCodec.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        switch (f) {
            case "arrow" -> SampleSetCodec.write(set, output);
            case "csv" -> csv(set);
            case "pdb" -> PdbWriter.write(set, pdbTopology(pita.catalog(), set), "run " + run.runId + ", rung " + k, output);
            default -> xyz(set);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %d samples of %s at T = %s to %s%n", set.count(), set.system(), set.temperature(), output);
        out.flush();
        return 0;
    }

    /**
     * The topology a PDB file needs: the set's system's, if that is a catalogued peptide. Lennard-Jones clusters are
     * refused too: they are in reduced units, and writing them as argon would invent both the element and σ.
     */
    static AmberTopology pdbTopology(SystemCatalog catalog, SampleSet set) {
        if (!set.atoms().isEmpty() && catalog.names().contains(set.system())) {
            try (Target target = catalog.get(set.system()).create(TargetOptions.DEFAULTS)) {
                if (target instanceof PeptideTarget peptide) return peptide.topology();
            }
        }
        throw new UserInputException("--format pdb needs atom and residue names, which " + set.system()
                + " has not (only the bundled peptides have a topology); use --format arrow, csv or xyz");
    }

    private void csv(SampleSet s) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(output)) {
            StringBuilder h = new StringBuilder();
            for (int j = 0; j < s.dim(); j++) h.append('x').append(j).append(',');
            w.write(h.append("log_weight,energy\n").toString());
            double[] x = s.x(), logWeight = s.logWeight(), energy = s.energy(); // each accessor returns a fresh copy
            for (int i = 0; i < s.count(); i++) {
                StringBuilder b = new StringBuilder();
                for (int j = 0; j < s.dim(); j++) b.append(x[i * s.dim() + j]).append(',');
                w.write(b.append(logWeight[i]).append(',').append(energy[i]).append('\n').toString());
            }
        }
    }

    private void xyz(SampleSet s) throws IOException {
        boolean peptide = !s.atoms().isEmpty();
        int spatial = peptide ? 3 : s.dim() % 3 == 0 ? 3 : 2, particles = s.dim() / spatial;
        double scale = peptide ? 10 : 1; // nm → Å for molecules, as XYZ viewers expect
        try (BufferedWriter w = Files.newBufferedWriter(output)) {
            double[] x = s.x(), logWeight = s.logWeight(), energy = s.energy(); // each accessor returns a fresh copy
            for (int i = 0; i < s.count(); i++) {
                w.write(particles + "\n");
                w.write(String.format(Locale.ROOT, "%s T=%s log_weight=%s energy=%s%n", s.system(), s.temperature(), logWeight[i], energy[i]));
                for (int p = 0; p < particles; p++) {
                    int o = i * s.dim() + p * spatial;
                    double z = spatial == 3 ? x[o + 2] * scale : 0;
                    w.write(String.format(Locale.ROOT, "%s %.6f %.6f %.6f%n", peptide ? s.atoms().get(p) : "X", x[o] * scale, x[o + 1] * scale, z));
                }
            }
        }
    }
}
