package io.pitaj.worker.inspecting;

import io.pitaj.worker.PitaCli;
import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.UserInputException;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.forcefield.ForceFieldOptions;
import io.pitaj.models.forcefield.ImplicitSolvent;
import io.pitaj.models.forcefield.NonbondedCutoff;
import io.pitaj.models.forcefield.PeptideSystems;
import io.pitaj.models.forcefield.PrmtopFormatException;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pita energy}: energies (and forces) of the frames of an XYZ file, one JSON object per line. */
@Command(name = "energy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Energies and forces of every frame of an XYZ file, as JSON lines.",
            "Coordinates: ångström for molecules (kJ/mol systems), reduced units otherwise; 2-D systems need z = 0."})
public final class EnergyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    /** Either a catalogued system or a user's AMBER topology. */
    static final class Source {
        @Option(names = "--system", required = true, paramLabel = "NAME", description = "System name (see 'pita systems'), or a Gaussian-mixture FILE.json.")
        String systemName;

        @Option(names = "--prmtop", required = true, paramLabel = "FILE.prmtop",
                description = "An AMBER topology instead of a system: its force field (+ OBC1 GB unless --solvent vacuum).")
        Path prmtop;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--input", required = true, paramLabel = "FILE.xyz", description = "Multi-frame XYZ file, atoms in the system's order.")
    private Path input;

    @Option(names = "--temperature", paramLabel = "T", description = "Also print E/(k_B T) at this temperature (K for molecules).")
    private Double temperature;

    @Option(names = "--forces", description = "Also print forces −∇E (kJ/mol/nm for molecules, reduced otherwise).")
    private boolean forces;

    @Option(names = "--cutoff", paramLabel = "pita|none|NM",
            description = "Non-bonded cutoff, for systems that have one (peptides): pita (2.0 nm), none, or a distance in nm.")
    private String cutoffText;

    @Option(names = "--solvent", paramLabel = "obc1|vacuum", description = "With --prmtop: OBC1 implicit solvent (default) or vacuum.")
    private String solventText;

    @Override
    public Integer call() throws IOException {
        try (Target target = source.prmtop != null ? fromPrmtop() : fromCatalogue()) {
            double kT = temperature == null ? Double.NaN : kT(target.unit());
            List<XyzFrame> frames = XyzReader.read(input);
            double[] x = TargetCoordinates.of(frames, target, input);
            int n = frames.size(), dim = target.dimension();
            double[] energies = new double[n];
            double[] grad = forces ? new double[n * dim] : null;
            target.energies(x, n, energies, grad);
            try (JsonGenerator json = JsonOutput.generator(spec.commandLine().getOut())) {
                for (int i = 0; i < n; i++) {
                    json.writeStartObject();
                    json.writeNumberField("frame", i);
                    json.writeNumberField("energy", energies[i]);
                    json.writeStringField("unit", target.unit().energyUnit());
                    if (temperature != null) json.writeNumberField("reduced_energy", energies[i] / kT);
                    if (grad != null) writeForces(json, grad, i * dim, target.layout().particles(), target.layout().spatialDim());
                    json.writeEndObject();
                    json.writeRaw('\n');
                }
            }
        }
        return 0;
    }

    private Target fromCatalogue() {
        SystemInfo<?> system = pita.system(source.systemName);
        if (cutoffText != null && !system.hasCutoff()) {
            throw new UserInputException("system " + system.name() + " has no cutoff; drop --cutoff (it applies to peptide systems)");
        }
        if (solventText != null) {
            throw new UserInputException("--solvent goes with --prmtop; a catalogued system's solvent is part of its definition");
        }
        return system.create(new TargetOptions(cutoff()));
    }

    /** A user's topology, with PITA's 2 nm cutoff unless --cutoff says otherwise. */
    private Target fromPrmtop() {
        Path file = source.prmtop;
        if (!Files.isRegularFile(file)) throw new UserInputException("prmtop file " + file + " does not exist; check the --prmtop path");
        NonbondedCutoff cutoff = cutoffText == null ? NonbondedCutoff.PITA : cutoff();
        ForceFieldOptions options = new ForceFieldOptions(cutoff, solvent());
        String name = file.getFileName().toString().replaceFirst("\\.prmtop$", "");
        try {
            return PeptideSystems.fromPrmtop(file, name, options);
        } catch (PrmtopFormatException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserInputException("cannot read prmtop file " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    private ImplicitSolvent solvent() {
        if (solventText == null) return ImplicitSolvent.OBC1;
        return switch (solventText.toLowerCase(Locale.ROOT)) {
            case "obc1" -> ImplicitSolvent.OBC1;
            case "vacuum" -> ImplicitSolvent.VACUUM;
            default -> throw new UserInputException("--solvent must be obc1 or vacuum, got '" + solventText + "'");
        };
    }

    private double kT(EnergyUnit unit) {
        if (!(temperature > 0) || temperature.isInfinite()) {
            throw new UserInputException("--temperature must be positive and finite, got " + temperature
                    + " (" + unit.temperatureUnit() + ")");
        }
        return unit.kT(temperature);
    }

    private static void writeForces(JsonGenerator json, double[] grad, int offset, int particles, int spatialDim) throws IOException {
        json.writeArrayFieldStart("forces");
        for (int p = 0; p < particles; p++) {
            json.writeStartArray();
            // 0 − g rather than −g, so that zero forces print as 0.0, not -0.0
            for (int c = 0; c < spatialDim; c++) json.writeNumber(0.0 - grad[offset + p * spatialDim + c]);
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private NonbondedCutoff cutoff() {
        if (cutoffText == null) return null;
        try {
            return NonbondedCutoff.parse(cutoffText);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--cutoff: " + e.getMessage());
        }
    }
}
