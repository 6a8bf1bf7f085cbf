package io.pitaj.activities.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.pitaj.models.sampling.Resampler;
import io.pitaj.models.sampling.WeightEstimator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Run specs as YAML: snake_case keys, unknown keys and missing numbers refused (a typo must not silently fall back
 * to a default), then every field checked against its allowed values, so that a bad spec fails before anything
 * starts with one message naming the field. Checks that need the system (dimensions, its exact sampler) are the
 * caller's.
 */
public final class RunSpecs {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    public static final List<String> HOT_METHODS = List.of("exact", "mala", "hmc", "nuts", "md", "pt");
    public static final List<String> REFERENCE_METHODS = List.of("exact", "pt", "md");

    private RunSpecs() {}

    public static String toYaml(RunSpec spec) {
        try {
            return YAML.writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates a spec file. */
    public static RunSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException("spec file " + file + " does not exist");
        } catch (IOException e) {
            throw new SpecException("cannot read spec file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses and validates YAML text; {@code source} names it in errors. */
    public static RunSpec parse(String yaml, String source) {
        RunSpec spec;
        try {
            spec = YAML.readValue(yaml, RunSpec.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new SpecException(source + ": unknown field " + path(e) + "; allowed here: " + known, e);
        } catch (MismatchedInputException e) {
            String m = e.getOriginalMessage();
            if (m.startsWith("Missing creator property")) throw new SpecException(source + ": field " + path(e) + " is missing", e);
            throw new SpecException(source + ": field " + path(e) + " has the wrong type (" + m.split("\n")[0] + ")", e);
        } catch (IOException e) {
            throw new SpecException(source + ": not a valid spec: " + e.getMessage().split("\n")[0], e);
        }
        if (spec == null) throw new SpecException(source + ": the spec is empty");
        validate(spec, source);
        return spec;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Every field against its allowed values; the first problem is thrown, naming the field. */
    public static void validate(RunSpec s, String source) {
        Check c = new Check(source);
        c.require(s.name() != null && !s.name().isBlank(), "name", "must be a non-empty string");
        c.require(s.system() != null && !s.system().isBlank(), "system", "must name a system or a mixture file");
        c.require(s.ladder() != null && s.ladder().size() >= 2, "ladder", "must list at least two temperatures, hottest first");
        for (int i = 0; i < s.ladder().size(); i++) {
            Double t = s.ladder().get(i);
            c.require(t != null && t > 0 && Double.isFinite(t), "ladder[" + i + "]", "must be a positive temperature, got " + t);
            if (i > 0) c.require(t < s.ladder().get(i - 1), "ladder[" + i + "]", "must be colder than ladder[" + (i - 1) + "] = " + s.ladder().get(i - 1));
        }
        RunSpec.Hot h = c.present(s.hot(), "hot");
        c.oneOf(h.method(), HOT_METHODS, "hot.method");
        c.require(h.samples() >= 1, "hot.samples", "must be at least 1");
        c.require(h.chains() >= 1 && h.chains() <= h.samples(), "hot.chains", "must be in [1, hot.samples]");
        c.require(h.warmup() == null || h.warmup() >= 0, "hot.warmup", "must not be negative");
        c.require(h.thin() >= 1, "hot.thin", "must be at least 1");
        c.require(h.step() == null || h.step() > 0, "hot.step", "must be positive");
        c.require(h.shards() >= 1 && (long) h.shards() * h.chains() <= h.samples(), "hot.shards",
                "must be at least 1 and leave every shard at least hot.chains samples");
        RunSpec.Network n = c.present(s.network(), "network");
        if (n.arch() != null) c.oneOf(n.arch(), List.of("mlp", "egnn", "dit"), "network.arch");
        c.oneOf(n.size(), List.of("small", "reference"), "network.size");
        for (Integer v : new Integer[] {n.hidden(), n.layers(), n.heads()}) c.require(v == null || v >= 1, "network", "hidden, layers and heads must be at least 1");
        RunSpec.Training t = c.present(s.training(), "training");
        c.require(t.steps() != null && t.steps().size() == s.ladder().size() - 1, "training.steps",
                "must list one step count per rung but the last (" + (s.ladder().size() - 1) + " here)");
        for (int i = 0; i < t.steps().size(); i++) c.require(t.steps().get(i) != null && t.steps().get(i) >= 1, "training.steps[" + i + "]", "must be at least 1");
        c.require(t.batch() == null || t.batch() >= 1, "training.batch", "must be at least 1");
        c.require(t.checkpointEvery() >= 0, "training.checkpoint_every", "must not be negative");
        RunSpec.Anneal a = c.present(s.anneal(), "anneal");
        c.require(a.particles() >= 1, "anneal.particles", "must be at least 1");
        c.require(a.steps() >= 1, "anneal.steps", "must be at least 1");
        c.parses(() -> WeightEstimator.parse(a.weights()), "anneal.weights", "exact, hutchinson:P, snis, none");
        c.parses(() -> Resampler.parse(a.resampler()), "anneal.resampler", "systematic, multinomial, stratified, residual");
        c.require(a.clip() != null && (a.clip().equalsIgnoreCase("off") || clipQuantile(a.clip())), "anneal.clip", "must be off or a quantile in (0, 1], got " + a.clip());
        c.require(a.resampleUntil() == null || a.essThreshold() == null, "anneal.resample_until", "excludes anneal.ess_threshold");
        c.require(a.resampleUntil() == null || (a.resampleUntil() >= 0 && a.resampleUntil() <= a.steps()), "anneal.resample_until", "must be in [0, anneal.steps]");
        c.require(a.essThreshold() == null || (a.essThreshold() > 0 && a.essThreshold() <= 1), "anneal.ess_threshold", "must be in (0, 1]");
        c.require(a.chunk() >= 1, "anneal.chunk", "must be at least 1");
        c.require(a.shards() >= 1 && a.shards() <= a.particles(), "anneal.shards", "must be in [1, anneal.particles]");
        RunSpec.Relax r = c.present(s.relax(), "relax");
        c.require(r.steps() >= 0, "relax.steps", "must not be negative");
        c.oneOf(r.method(), List.of("mala", "md"), "relax.method");
        c.require(r.step() == null || r.step() > 0, "relax.step", "must be positive");
        RunSpec.Reference ref = c.present(s.reference(), "reference");
        c.oneOf(ref.method(), REFERENCE_METHODS, "reference.method");
        c.require(ref.samples() >= 1, "reference.samples", "must be at least 1");
        c.require(ref.chains() >= 1 && ref.chains() <= ref.samples(), "reference.chains", "must be in [1, reference.samples]");
        c.require(ref.warmup() == null || ref.warmup() >= 0, "reference.warmup", "must not be negative");
        c.require(ref.thin() >= 1, "reference.thin", "must be at least 1");
    }

    private static boolean clipQuantile(String v) {
        try {
            double q = Double.parseDouble(v);
            return q > 0 && q <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Collects nothing: the first failed check throws, which keeps every message about one field. */
    private record Check(String source) {
        void require(boolean ok, String field, String what) {
            if (!ok) throw new SpecException(source + ": " + field + " " + what);
        }

        <T> T present(T value, String field) {
            require(value != null, field, "is missing");
            return value;
        }

        void oneOf(String value, List<String> allowed, String field) {
            require(value != null && allowed.contains(value.toLowerCase(Locale.ROOT)), field,
                    "must be one of " + String.join(", ", allowed) + ", got " + (value == null ? "nothing" : "'" + value + "'"));
        }

        void parses(Runnable parse, String field, String allowed) {
            try {
                parse.run();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new SpecException(source + ": " + field + " must be one of " + allowed + " (" + e.getMessage() + ")");
            }
        }
    }
}
