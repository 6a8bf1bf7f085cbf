package io.pitaj.worker.inspecting;

import io.pitaj.worker.PitaCli;
import io.pitaj.worker.JsonOutput;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.targets.EnergyUnit;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pita systems}: the catalogue as a table or a JSON array. */
@Command(name = "systems", mixinStandardHelpOptions = true, description = "List the known systems, their units and ladders.")
public final class SystemsCommand implements Callable<Integer> {
    private static final List<String> HEADER = List.of("NAME", "DIM", "PARTICLES", "UNITS", "LADDER (hot → target)", "DESCRIPTION");

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        List<SystemInfo<?>> systems = pita.catalog().all();
        if (json) {
            writeJson(systems);
        } else {
            writeTable(systems);
        }
        return 0;
    }

    private void writeTable(List<SystemInfo<?>> systems) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (SystemInfo<?> s : systems) {
            rows.add(List.of(s.name(), String.valueOf(s.dimension()),
                    s.layout().particles() + " × " + s.layout().spatialDim() + "-D", units(s.unit()),
                    s.ladder().stream().map(SystemsCommand::temperature).collect(Collectors.joining(", "))
                            + " " + s.unit().temperatureUnit(),
                    s.description()));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < width.length; c++) width[c] = Math.max(width[c], row.get(c).length());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                line.append(c == width.length - 1 ? row.get(c) : String.format("%-" + width[c] + "s  ", row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private void writeJson(List<SystemInfo<?>> systems) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(spec.commandLine().getOut())) {
            g.writeStartArray();
            for (SystemInfo<?> s : systems) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("description", s.description());
                g.writeNumberField("dimension", s.dimension());
                g.writeNumberField("particles", s.layout().particles());
                g.writeNumberField("spatial_dim", s.layout().spatialDim());
                g.writeStringField("energy_unit", s.unit().energyUnit());
                g.writeStringField("length_unit", s.unit().lengthUnit());
                g.writeStringField("temperature_unit", s.unit().temperatureUnit());
                g.writeBooleanField("mean_free", s.meanFree());
                g.writeBooleanField("has_cutoff", s.hasCutoff());
                g.writeArrayFieldStart("ladder");
                for (double t : s.ladder()) g.writeNumber(t);
                g.writeEndArray();
                g.writeNumberField("target_temperature", s.targetTemperature());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }

    private static String units(EnergyUnit unit) {
        return unit == EnergyUnit.REDUCED ? "reduced" : unit.energyUnit() + ", " + unit.lengthUnit() + ", " + unit.temperatureUnit();
    }

    /** Ladder rungs without a trailing ".0" on whole numbers. */
    private static String temperature(double t) {
        return t == Math.rint(t) ? String.valueOf((long) t) : String.valueOf(t);
    }
}
