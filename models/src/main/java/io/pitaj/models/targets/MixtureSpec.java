package io.pitaj.models.targets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A validated Gaussian mixture p(x) = Σ_k w_k·N(x; μ_k, Σ_k) in d dimensions, read from JSON
 * {@code {"weights": [K], "means": [K][d], "covariances": [K][d][d]}} (full covariance per component) or given
 * directly. Every problem is a {@link MixtureFormatException} naming the source and the one thing wrong: malformed
 * JSON, a missing or unknown key, ragged or mismatched arrays, a non-finite number, a weight that is not positive,
 * weights whose sum is off 1 by more than 1e-9·K, a covariance that is not symmetric or not positive definite.
 * The eigendecomposition that decides positive definiteness is kept: it is how the mixture is evaluated.
 */
public final class MixtureSpec {
    /** Relative asymmetry |Σ_ij − Σ_ji| / max|Σ| above which a covariance is rejected: more than rounding in a file. */
    private static final double SYMMETRY_TOLERANCE = 1e-12;
    /** Smallest eigenvalue, relative to the largest, of a usable covariance: below it Σ⁻¹ is numerically singular. */
    private static final double CONDITION_LIMIT = 1e-12;
    private static final Set<String> KEYS = Set.of("weights", "means", "covariances");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String source;
    private final double[] weights;
    private final double[][] means;
    private final double[][][] covariances;
    private final SymmetricEigen[] eigen;

    private MixtureSpec(String source, double[] weights, double[][] means, double[][][] covariances, SymmetricEigen[] eigen) {
        this.source = source;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.eigen = eigen;
    }

    /** Validates a mixture given as arrays (copied); {@code source} names it in error messages. */
    public static MixtureSpec of(String source, double[] weights, double[][] means, double[][][] covariances) {
        int k = weights.length;
        if (k == 0) throw new MixtureFormatException(source, "'weights' is empty: a mixture needs at least one component");
        if (means.length != k) throw new MixtureFormatException(source, k + " weights but " + means.length + " means");
        if (covariances.length != k) throw new MixtureFormatException(source, k + " weights but " + covariances.length + " covariances");
        int d = means[0].length;
        if (d == 0) throw new MixtureFormatException(source, "means[0] is empty: the dimension must be at least 1");
        double sum = 0;
        for (int c = 0; c < k; c++) {
            finite(source, "weights[" + c + "]", weights[c]);
            if (!(weights[c] > 0)) throw new MixtureFormatException(source, "weights[" + c + "] = " + weights[c] + " is not positive");
            sum += weights[c];
            if (means[c].length != d) {
                throw new MixtureFormatException(source, "means[" + c + "] has " + means[c].length + " coordinates, means[0] has " + d);
            }
            for (int i = 0; i < d; i++) finite(source, "means[" + c + "][" + i + "]", means[c][i]);
        }
        if (Math.abs(sum - 1) > 1e-9 * k) {
            throw new MixtureFormatException(source, "weights sum to " + sum + ", not 1 (tolerance " + 1e-9 * k + ")");
        }
        SymmetricEigen[] eigen = new SymmetricEigen[k];
        double[][][] covs = new double[k][][];
        for (int c = 0; c < k; c++) {
            covs[c] = checkedCovariance(source, c, covariances[c], d);
            eigen[c] = SymmetricEigen.of(covs[c]);
            double[] lambda = eigen[c].values();
            if (!(lambda[0] > CONDITION_LIMIT * Math.abs(lambda[d - 1]))) {
                throw new MixtureFormatException(source, "covariances[" + c + "] is not positive definite (smallest eigenvalue "
                        + String.format(Locale.ROOT, "%.6g", lambda[0]) + ", largest " + String.format(Locale.ROOT, "%.6g", lambda[d - 1]) + ")");
            }
        }
        double[][] meansCopy = new double[k][];
        for (int c = 0; c < k; c++) meansCopy[c] = means[c].clone();
        return new MixtureSpec(source, weights.clone(), meansCopy, covs, eigen);
    }

    /** Reads and validates a JSON file; the file's path names it in error messages. */
    public static MixtureSpec read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A mixture shipped as a classpath resource next to this class (a missing one is a build error). */
    public static MixtureSpec resource(String name) {
        try (InputStream in = MixtureSpec.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("classpath resource " + name + " is missing");
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Parses and validates JSON text; {@code source} names it in error messages. */
    public static MixtureSpec parse(String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MixtureFormatException(source, "not valid JSON" + where + ": " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        }
        if (root == null || !root.isObject()) {
            throw new MixtureFormatException(source, "expected a JSON object {\"weights\": …, \"means\": …, \"covariances\": …}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) throw new MixtureFormatException(source, "unknown key '" + name + "' (expected weights, means, covariances)");
        }
        double[] weights = vector(source, "weights", required(source, root, "weights"));
        JsonNode meansNode = array(source, "means", required(source, root, "means"));
        JsonNode covsNode = array(source, "covariances", required(source, root, "covariances"));
        double[][] means = new double[meansNode.size()][];
        for (int c = 0; c < means.length; c++) means[c] = vector(source, "means[" + c + "]", meansNode.get(c));
        double[][][] covs = new double[covsNode.size()][][];
        for (int c = 0; c < covs.length; c++) {
            JsonNode rows = array(source, "covariances[" + c + "]", covsNode.get(c));
            covs[c] = new double[rows.size()][];
            for (int i = 0; i < rows.size(); i++) covs[c][i] = vector(source, "covariances[" + c + "][" + i + "]", rows.get(i));
        }
        return of(source, weights, means, covs);
    }

    public String source() { return source; }

    public int components() { return weights.length; }

    public int dimension() { return means[0].length; }

    /** w_k as given (summing to 1 within 1e-9·K). */
    public double[] weights() { return weights.clone(); }

    public double[] mean(int k) { return means[k].clone(); }

    public double[][] covariance(int k) {
        double[][] c = new double[covariances[k].length][];
        for (int i = 0; i < c.length; i++) c[i] = covariances[k][i].clone();
        return c;
    }

    /** Σ_k = V·diag(λ)·Vᵀ, all λ positive. */
    public SymmetricEigen eigen(int k) { return eigen[k]; }

    /** A d × d copy of {@code rows}, checked for shape, finiteness and symmetry. */
    private static double[][] checkedCovariance(String source, int c, double[][] rows, int d) {
        String what = "covariances[" + c + "]";
        if (rows.length != d) throw new MixtureFormatException(source, what + " has " + rows.length + " rows, need " + d + " (the means' dimension)");
        double[][] m = new double[d][];
        double scale = 0;
        for (int i = 0; i < d; i++) {
            if (rows[i].length != d) throw new MixtureFormatException(source, what + "[" + i + "] has " + rows[i].length + " entries, need " + d);
            for (int j = 0; j < d; j++) scale = Math.max(scale, Math.abs(finite(source, what + "[" + i + "][" + j + "]", rows[i][j])));
            m[i] = rows[i].clone();
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    throw new MixtureFormatException(source, what + " is not symmetric: [" + i + "][" + j + "] = " + m[i][j]
                            + " but [" + j + "][" + i + "] = " + m[j][i]);
                }
            }
        }
        return m;
    }

    private static double finite(String source, String what, double v) {
        if (!Double.isFinite(v)) throw new MixtureFormatException(source, what + " is " + v + ", not a finite number");
        return v;
    }

    private static JsonNode required(String source, JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null) throw new MixtureFormatException(source, "missing key '" + key + "'");
        return n;
    }

    private static JsonNode array(String source, String what, JsonNode n) {
        if (!n.isArray()) throw new MixtureFormatException(source, what + " must be an array, found " + n.getNodeType().name().toLowerCase());
        return n;
    }

    private static double[] vector(String source, String what, JsonNode n) {
        array(source, what, n);
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isNumber()) throw new MixtureFormatException(source, what + "[" + i + "] must be a number, found " + e.getNodeType().name().toLowerCase());
            v[i] = e.doubleValue();
        }
        return v;
    }
}
