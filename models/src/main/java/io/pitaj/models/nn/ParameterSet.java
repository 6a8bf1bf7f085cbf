package io.pitaj.models.nn;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An ordered set of named parameters. Insertion order is the canonical order: of graph inputs, of the flat view
 * the optimiser state is laid out in, and of checkpoint files. Modules register their parameters here when they are
 * constructed and read them back from {@link BoundParameters} when they build graph nodes.
 */
public final class ParameterSet {
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    /** Adds a parameter initialised by {@code init} with draws from {@code rng}. */
    public Parameter add(String name, int[] shape, Init init, SplittableRandom rng) {
        return add(name, shape, init.sample(shape, rng));
    }

    /** Adds a parameter with the given values (taken, not copied), e.g. when restoring a checkpoint. */
    public Parameter add(String name, int[] shape, double[] values) {
        if (byName.containsKey(name)) throw new IllegalArgumentException("duplicate parameter name '" + name + "'");
        Parameter p = new Parameter(name, shape, values);
        byName.put(name, p);
        return p;
    }

    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) throw new IllegalArgumentException("no parameter named '" + name + "'");
        return p;
    }

    public List<Parameter> parameters() { return new ArrayList<>(byName.values()); }

    public List<String> names() { return new ArrayList<>(byName.keySet()); }

    /** Total number of scalar entries. */
    public int count() {
        int n = 0;
        for (Parameter p : byName.values()) n = Math.addExact(n, p.size());
        return n;
    }

    /** All values concatenated in canonical order (a copy). */
    public double[] toFlat() {
        double[] flat = new double[count()];
        int o = 0;
        for (Parameter p : byName.values()) {
            System.arraycopy(p.values(), 0, flat, o, p.size());
            o += p.size();
        }
        return flat;
    }

    /** Overwrites all values from a flat array in canonical order. */
    public void setFlat(double[] flat) {
        if (flat.length != count()) throw new IllegalArgumentException("expected " + count() + " values, got " + flat.length);
        int o = 0;
        for (Parameter p : byName.values()) {
            System.arraycopy(flat, o, p.values(), 0, p.size());
            o += p.size();
        }
    }

    /**
     * One set holding several: each part's parameters under {@code prefix + name}, in the order given. The value
     * arrays are shared, not copied, so training the union trains the parts.
     */
    public static ParameterSet union(Map<String, ParameterSet> partsByPrefix) {
        ParameterSet u = new ParameterSet();
        partsByPrefix.forEach((prefix, part) -> {
            for (Parameter p : part.byName.values()) u.add(prefix + p.name(), p.shape(), p.values());
        });
        return u;
    }

    /** The parameters whose names start with {@code prefix}, without it; values are shared, not copied. */
    public ParameterSet part(String prefix) {
        ParameterSet part = new ParameterSet();
        for (Parameter p : byName.values()) {
            if (p.name().startsWith(prefix)) part.add(p.name().substring(prefix.length()), p.shape(), p.values());
        }
        if (part.byName.isEmpty()) throw new IllegalArgumentException("no parameter starts with '" + prefix + "'");
        return part;
    }

    /** A deep copy (same names, shapes and values; independent arrays). */
    public ParameterSet copy() {
        ParameterSet c = new ParameterSet();
        for (Parameter p : byName.values()) c.add(p.name(), p.shape(), p.values().clone());
        return c;
    }

    /** Same names and shapes, all values zero: the initial Adam moments. */
    public ParameterSet zerosLike() {
        ParameterSet c = new ParameterSet();
        for (Parameter p : byName.values()) c.add(p.name(), p.shape(), new double[p.size()]);
        return c;
    }

    /** True when both sets have the same names, in the same order, with the same shapes. */
    public boolean sameLayout(ParameterSet other) {
        if (!names().equals(other.names())) return false;
        for (Parameter p : byName.values()) {
            if (!Arrays.equals(p.shape(), other.get(p.name()).shape())) return false;
        }
        return true;
    }

    /** Binds every parameter as a graph input named {@code prefix + name} (training-step graphs). */
    public BoundParameters bindAsInputs(Graph graph, DType dtype, String prefix) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Parameter p : byName.values()) nodes.put(p.name(), graph.input(prefix + p.name(), dtype, Shape.of(p.shape())));
        return new BoundParameters(nodes);
    }

    /**
     * Binds every parameter as a constant holding its current values (inference graphs with the weights baked in).
     * The graph keeps the values it saw at binding time even if the parameters change afterwards (constants copy).
     */
    public BoundParameters bindAsConstants(Graph graph, DType dtype) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Parameter p : byName.values()) nodes.put(p.name(), graph.constant(p.tensor(), dtype));
        return new BoundParameters(nodes);
    }
}
