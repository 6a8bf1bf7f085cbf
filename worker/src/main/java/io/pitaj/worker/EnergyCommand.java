package io.pitaj.worker;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.forcefield.NonbondedCutoff;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pita energy}: energies (and forces) of the frames of an XYZ file, one JSON object per line. */
@Command(name = "energy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Energies and forces of every frame of an XYZ file, as JSON lines.",
            "Coordinates: ångström for molecules (kJ/mol systems), reduced units otherwise; 2-D systems need z = 0."})
final class EnergyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Option(names = "--system", required = true, paramLabel = "NAME", description = "System name (see 'pita systems').")
    private String systemName;

    @Option(names = "--input", required = true, paramLabel = "FILE.xyz", description = "Multi-frame XYZ file, atoms in the system's order.")
    private Path input;

    @Option(names = "--temperature", paramLabel = "T", description = "Also print E/(k_B T) at this temperature (K for molecules).")
    private Double temperature;

    @Option(names = "--forces", description = "Also print forces −∇E (kJ/mol/nm for molecules, reduced otherwise).")
    private boolean forces;

    @Option(names = "--cutoff", paramLabel = "pita|none|NM",
            description = "Non-bonded cutoff, for systems that have one (peptides): pita (2.0 nm), none, or a distance in nm.")
    private String cutoffText;

    @Override
    public Integer call() throws IOException {
        SystemInfo<?> system = pita.system(systemName);
        if (cutoffText != null && !system.hasCutoff()) {
            throw new UserInputException("system " + system.name() + " has no cutoff; drop --cutoff (it applies to peptide systems)");
        }
        double kT = temperature == null ? Double.NaN : kT(system);
        List<XyzFrame> frames = XyzReader.read(input);
        try (Target target = system.create(new TargetOptions(cutoff()))) {
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

    private double kT(SystemInfo<?> system) {
        if (!(temperature > 0) || temperature.isInfinite()) {
            throw new UserInputException("--temperature must be positive and finite, got " + temperature
                    + " (" + system.unit().temperatureUnit() + ")");
        }
        return system.unit().kT(temperature);
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
