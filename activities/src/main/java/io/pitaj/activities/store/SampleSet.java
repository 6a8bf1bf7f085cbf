package io.pitaj.activities.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of weighted samples of one system (DESIGN §3): {@code count} rows of {@code dim} coordinates, each with a
 * log-weight, an energy and optionally a force, plus the metadata that says what the numbers mean.
 *
 * <p>Coordinates are flat and row-major: coordinate {@code c} of sample {@code i} is {@code x[i * dim + c]}; forces
 * use the same layout. Values are in physical units (nm, kJ/mol) for peptides and reduced units for analytic
 * targets, as {@link #units()} says. A log-weight of 0 means unweighted.
 *
 * <p>The arrays are copied on the way in and out, so an instance never changes. Equality is bit-exact on the arrays
 * ({@link Arrays#equals(double[], double[])}), which is what a round trip through a file must preserve.
 */
public final class SampleSet {
    /** The file layout version this code writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    private final String system;
    private final double temperature;
    private final String units;
    private final List<String> atoms;
    private final String producer;
    private final long seed;
    private final int dim;
    private final double[] x;
    private final double[] logWeight;
    private final double[] energy;
    private final double[] force;
    private Map<String, String> attributes = Map.of();

    /**
     * @param system      the target system's name, e.g. {@code "aldp"} or {@code "gmm-40"}
     * @param temperature the sampling temperature: kelvin when {@code units} are physical, the reduced temperature
     *                    (k_B = 1, energy units of the target) otherwise; finite and positive
     * @param units       the length and energy units of {@code x}, {@code energy} and {@code force}, e.g.
     *                    {@code "nm,kJ/mol"} or {@code "reduced"}
     * @param atoms       atom names of a molecular system, then {@code dim = 3 × atoms.size()}; empty for
     *                    non-molecular targets. Names are stored comma-joined, so they may not contain commas.
     * @param producer    the id of the pipeline stage that made the set
     * @param seed        the seed that stage drew the samples with
     * @param dim         coordinates per sample, at least 1
     * @param x           {@code count × dim} coordinates, row-major
     * @param logWeight   {@code count} log importance weights
     * @param energy      {@code count} energies
     * @param force       {@code count × dim} forces (−∇energy), row-major, or {@code null} if not computed
     * @throws IllegalArgumentException if the lengths disagree, {@code dim < 1}, or a metadata value is unusable
     */
    public SampleSet(String system, double temperature, String units, List<String> atoms, String producer, long seed,
                     int dim, double[] x, double[] logWeight, double[] energy, double[] force) {
        this(system, temperature, units, atoms, producer, seed, dim, x, logWeight, energy, force, true);
    }

    // The reader hands over arrays it has just filled: copying them again would double the peak memory of a read.
    private SampleSet(String system, double temperature, String units, List<String> atoms, String producer, long seed,
                      int dim, double[] x, double[] logWeight, double[] energy, double[] force, boolean copy) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(logWeight, "logWeight");
        Objects.requireNonNull(energy, "energy");
        List<String> names = List.copyOf(atoms);
        this.system = requireText(system, "system");
        this.units = requireText(units, "units");
        this.producer = requireText(producer, "producer");
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and positive, got " + temperature);
        }
        if (dim < 1) throw new IllegalArgumentException("dim must be at least 1, got " + dim);
        int count = energy.length;
        if (logWeight.length != count) {
            throw new IllegalArgumentException(logWeight.length + " log-weights for " + count + " energies");
        }
        if ((long) count * dim != x.length) {
            throw new IllegalArgumentException(x.length + " coordinates for " + count + " samples of dim " + dim);
        }
        if (force != null && force.length != x.length) {
            throw new IllegalArgumentException(force.length + " force components for " + x.length + " coordinates");
        }
        for (String atom : names) {
            if (atom.isEmpty() || atom.indexOf(',') >= 0) {
                throw new IllegalArgumentException("atom name '" + atom + "' is empty or contains a comma");
            }
        }
        if (!names.isEmpty() && 3L * names.size() != dim) {
            throw new IllegalArgumentException(names.size() + " atom names for dim " + dim + "; expected dim / 3 names");
        }
        this.temperature = temperature;
        this.atoms = names;
        this.seed = seed;
        this.dim = dim;
        this.x = copy ? x.clone() : x;
        this.logWeight = copy ? logWeight.clone() : logWeight;
        this.energy = copy ? energy.clone() : energy;
        this.force = copy && force != null ? force.clone() : force;
    }

    static SampleSet adopt(String system, double temperature, String units, List<String> atoms, String producer,
                           long seed, int dim, double[] x, double[] logWeight, double[] energy, double[] force) {
        return new SampleSet(system, temperature, units, atoms, producer, seed, dim, x, logWeight, energy, force, false);
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        return value;
    }

    /**
     * Checks that every number is finite: a NaN or infinite energy, weight or coordinate would silently poison
     * every estimate made from the set.
     *
     * @return this set
     * @throws IllegalArgumentException naming the column and the (0-based) row of the first non-finite value
     */
    public SampleSet requireFinite() {
        requireFinite("x", x, dim);
        requireFinite("log_weight", logWeight, 1);
        requireFinite("energy", energy, 1);
        if (force != null) requireFinite("force", force, dim);
        return this;
    }

    private static void requireFinite(String column, double[] values, int width) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                String component = width == 1 ? "" : " component " + k % width;
                throw new IllegalArgumentException("column " + column + " row " + k / width + component + " is "
                        + values[k] + "; sample sets hold finite values only");
            }
        }
    }

    public String system() {
        return system;
    }

    /** Kelvin for physical units, reduced temperature otherwise (see {@link #units()}). */
    public double temperature() {
        return temperature;
    }

    public String units() {
        return units;
    }

    /** Atom names in coordinate order (three coordinates each); empty for non-molecular targets. */
    public List<String> atoms() {
        return atoms;
    }

    public String producer() {
        return producer;
    }

    public long seed() {
        return seed;
    }

    public int dim() {
        return dim;
    }

    public int count() {
        return energy.length;
    }

    /** A copy of all coordinates, {@code count × dim}, row-major. */
    public double[] x() {
        return x.clone();
    }

    /** A copy of sample {@code i}'s {@code dim} coordinates. */
    public double[] row(int i) {
        Objects.checkIndex(i, count());
        return Arrays.copyOfRange(x, i * dim, (i + 1) * dim);
    }

    public double[] logWeight() {
        return logWeight.clone();
    }

    public double[] energy() {
        return energy.clone();
    }

    /**
     * Schema metadata beyond the layout's keys, in insertion order: how the samples were made (method, estimator,
     * clipping, evaluation counts …). Written as they are and read back as they were; other tools' keys come back too.
     */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** This set with {@code extra} added to its attributes (the arrays are shared: neither set ever changes them). */
    public SampleSet withAttributes(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(attributes);
        for (Map.Entry<String, String> e : extra.entrySet()) {
            if (SampleSetLayout.isLayoutKey(e.getKey())) {
                throw new IllegalArgumentException("attribute '" + e.getKey() + "' would replace a layout key");
            }
            merged.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), e.getKey()));
        }
        SampleSet out = adopt(system, temperature, units, atoms, producer, seed, dim, x, logWeight, energy, force);
        out.attributes = java.util.Collections.unmodifiableMap(merged);
        return out;
    }

    public boolean hasForce() {
        return force != null;
    }

    /** A copy of all forces, {@code count × dim}, row-major, or {@code null} if the set has none. */
    public double[] force() {
        return force == null ? null : force.clone();
    }

    // The codec streams the columns into Arrow buffers; these views spare it a copy of each column.
    double[] xView() {
        return x;
    }

    double[] logWeightView() {
        return logWeight;
    }

    double[] energyView() {
        return energy;
    }

    double[] forceView() {
        return force;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleSet s
                && system.equals(s.system) && Double.compare(temperature, s.temperature) == 0
                && units.equals(s.units) && atoms.equals(s.atoms) && producer.equals(s.producer) && seed == s.seed
                && dim == s.dim && Arrays.equals(x, s.x) && Arrays.equals(logWeight, s.logWeight)
                && Arrays.equals(energy, s.energy) && Arrays.equals(force, s.force) && attributes.equals(s.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(system, temperature, units, atoms, producer, seed, dim, Arrays.hashCode(x),
                Arrays.hashCode(logWeight), Arrays.hashCode(energy), Arrays.hashCode(force));
    }

    @Override
    public String toString() {
        return "SampleSet[" + system + ", " + count() + " × " + dim + (force == null ? "" : " + force") + ", T="
                + temperature + " (" + units + "), producer=" + producer + ", seed=" + seed + "]";
    }
}
