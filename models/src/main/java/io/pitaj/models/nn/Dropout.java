package io.pitaj.models.nn;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.graph.ops.CounterHash;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverted dropout whose masks are generated inside the graph (like {@code torch.nn.Dropout} in training mode: an
 * element is kept with probability 1 − rate and scaled by 1/(1 − rate)). Each mask drawn while a graph is built
 * takes the next range of counters; element j of a mask for batch row b has the counter
 * c = b·{@value #ROW_STRIDE} + o + j (o = the counters of this graph's earlier masks), unique within a step; when
 * the mask's last axis is a multiple of 4, one counter serves four neighbouring elements through the four 16-bit lanes
 * of its 64-bit hash (an element is kept when its lane is at least round(rate·2¹⁶), i.e. rate 0.1 becomes
 * 6554/65536 = 0.100006), otherwise each element gets {@link CounterHash#hash}(c, key), 31 bits. The step key — {@link #stepKey}(seed, step) — and
 * the row bases b·{@value #ROW_STRIDE} are the only per-step inputs: a checkpoint needs (seed, step) and nothing of
 * the masks' size crosses from Java.
 *
 * <p>Graph-building state: one instance per graph, masks are numbered in construction order (which is
 * deterministic), so the same code builds the same masks.
 */
public final class Dropout {
    /** Counters reserved per batch row and step: bounds the mask elements of one sample across all streams. */
    public static final long ROW_STRIDE = 1L << 19;
    /** Rows a step can have (ROW_STRIDE · rows stays far below the key range, so counters never wrap). */
    public static final int MAX_ROWS = 1 << 20;
    /** Decisions drawn from one 64-bit hash (16 bits each) when a mask's last axis is a multiple of it. */
    static final int LANES = 4;

    /** No dropout (inference, and architectures without it). */
    public static final Dropout OFF = new Dropout(0, null, null);

    private final double rate;
    private final Node rows;
    private final Node key;
    private long used;
    /** One constant 0 … m−1 per mask shape, shared by the streams of that shape. */
    private final Map<List<Integer>, Node> grids = new HashMap<>();

    private Dropout(double rate, Node rows, Node key) {
        this.rate = rate;
        this.rows = rows;
        this.key = key;
    }

    /**
     * Dropout at {@code rate} with masks driven by {@code rows} (int64 [batch], the {@link #rowBases}) and
     * {@code key} (int64 scalar, {@link #stepKey} of the step).
     */
    public static Dropout withRate(double rate, Node rows, Node key) {
        if (!(rate > 0 && rate < 1)) throw new IllegalArgumentException("dropout rate must be in (0, 1), got " + rate);
        if (rows.dtype() != DType.I64 || rows.rank() != 1 || key.dtype() != DType.I64 || key.rank() != 0) {
            throw new IllegalArgumentException("dropout needs int64 row indices [batch] and an int64 scalar key");
        }
        return new Dropout(rate, rows, key);
    }

    public boolean active() { return rows != null; }

    public double rate() { return rate; }

    /** The per-step key: a hash of the run's seed and the 1-based step, in [0, 2⁵³). */
    public static long stepKey(long seed, long step) {
        long z = seed * 0x9e3779b97f4a7c15L + step;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (z ^ (z >>> 31)) >>> 11;
    }

    /** The row input for a batch of {@code batch} samples: b·{@value #ROW_STRIDE}. */
    public static long[] rowBases(int batch) {
        if (batch > MAX_ROWS) throw new IllegalArgumentException("dropout supports batches up to " + MAX_ROWS + ", got " + batch);
        long[] rows = new long[batch];
        for (int b = 0; b < batch; b++) rows[b] = b * ROW_STRIDE;
        return rows;
    }

    /** x with dropout applied; x is [batch, per-sample dims...]. Returns x itself when off. */
    public Node apply(Node x) {
        if (!active()) return x;
        return x.mul(keepMask(x).cast(x.dtype()).mul(1 / (1 - rate)));
    }

    /** The boolean keep-mask of the next stream, shaped like x. */
    Node keepMask(Node x) {
        if (x.rank() < 2 || x.shape().dim(0) != rows.shape().dim(0)) {
            throw new IllegalArgumentException("dropout input " + x.shape() + " must be [batch, ...] with batch " + rows.shape());
        }
        Graph g = x.graph();
        int[] sample = Arrays.copyOfRange(x.shape().dims(), 1, x.rank());
        // four 16-bit decisions per hash when the last axis allows it: a quarter of the hashing
        int lanes = sample[sample.length - 1] % LANES == 0 ? LANES : 1;
        sample[sample.length - 1] /= lanes;
        int m = Math.toIntExact(Arrays.stream(sample).asLongStream().reduce(1, Math::multiplyExact));
        long first = used;
        used += m;
        if (used > ROW_STRIDE) throw new IllegalStateException("more than " + ROW_STRIDE + " dropout counters per sample");
        int[] rowShape = new int[x.rank()];
        Arrays.fill(rowShape, 1);
        rowShape[0] = x.shape().dim(0);
        Node grid = grids.computeIfAbsent(Arrays.stream(sample).boxed().toList(), k -> elementIndices(g, sample, m));
        Node value = g.apply(new CounterHash(first, lanes), rows.reshape(rowShape), grid, key);
        long range = lanes == 1 ? CounterHash.RANGE : CounterHash.LANE_RANGE;
        return value.reshape(x.shape()).ge(g.scalar(Math.round(rate * range), DType.I64));
    }

    private static Node elementIndices(Graph g, int[] sample, int m) {
        double[] j = new double[m];
        for (int i = 0; i < m; i++) j[i] = i;
        return g.constant(new Tensor(sample, j), DType.I64);
    }
}
