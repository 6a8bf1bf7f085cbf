package io.pitaj.models.forcefield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The OpenMM reference fixtures in shared/data/reference, with the force-field setup each file declares. */
final class ReferenceFixtures {
    private static final Pattern CUTOFF = Pattern.compile("nonbondedCutoff=([0-9.]+)\\s*nm");
    private static final Map<String, AmberForceField> FORCE_FIELDS = new ConcurrentHashMap<>();

    record Conformation(String system, String id, double[] positions, JsonNode node) {}

    record Fixture(String system, Path prmtop, ForceFieldOptions options, List<Conformation> conformations) {
        AmberForceField forceField() {
            return FORCE_FIELDS.computeIfAbsent(system + "|" + options, k -> new AmberForceField(PrmtopFile.read(prmtop), options));
        }
    }

    private ReferenceFixtures() {}

    static Path sharedData() {
        String dir = System.getProperty("pita.shared.data");
        if (dir == null) throw new IllegalStateException("system property pita.shared.data is not set (surefire sets it)");
        return Path.of(dir);
    }

    static List<Fixture> all() {
        try (Stream<Path> files = Files.list(sharedData().resolve("reference"))) {
            List<Fixture> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) out.add(read(f));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            String system = root.get("system").asText();
            String setup = root.get("openmm_setup").asText();
            ImplicitSolvent solvent = setup.contains("implicitSolvent=OBC1") ? ImplicitSolvent.OBC1 : ImplicitSolvent.VACUUM;
            NonbondedCutoff cutoff = NonbondedCutoff.NONE;
            if (setup.contains("CutoffNonPeriodic")) {
                Matcher m = CUTOFF.matcher(setup);
                if (!m.find()) throw new IllegalStateException(file + ": CutoffNonPeriodic without a cutoff distance");
                cutoff = new NonbondedCutoff(Double.parseDouble(m.group(1)));
            } else if (!setup.contains("NoCutoff")) {
                throw new IllegalStateException(file + ": unknown nonbonded method in " + setup);
            }
            List<Conformation> confs = new ArrayList<>();
            for (JsonNode c : root.get("conformations")) confs.add(new Conformation(system, c.get("id").asText(), flat(c.get("positions_nm")), c));
            return new Fixture(system, sharedData().resolve(root.get("prmtop").asText()), new ForceFieldOptions(cutoff, solvent), confs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture named(String system) {
        return read(sharedData().resolve("reference").resolve(system + ".json"));
    }

    /** Row-major flattening of an [N][3] (or [N]) JSON array. */
    static double[] flat(JsonNode array) {
        List<Double> v = new ArrayList<>();
        for (JsonNode row : array) {
            if (row.isArray()) for (JsonNode x : row) v.add(x.asDouble());
            else v.add(row.asDouble());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
