package io.pitaj.models.onnx;

import static io.pitaj.models.graph.Shape.BATCH;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.graph.ops.Binary;
import io.pitaj.models.graph.ops.Compare;
import io.pitaj.models.graph.ops.Reduce;
import io.pitaj.models.graph.ops.Unary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random graphs: a few inputs, then a sequence of randomly chosen moves, each applying one op kind (every
 * kind is reachable) to values drawn from a growing pool, with shapes chosen to be valid and arguments kept in the
 * real, finite domain (positive logs, roots and bases; denominators away from zero; bounded exponents).
 */
final class RandomGraphs {
    private enum Move {
        UNARY, BINARY, COMPARE_WHERE, MATMUL, REDUCE, RESHAPE, TRANSPOSE, CONCAT, SLICE, PAD, GATHER, SCATTER_ADD,
        EXPAND_LIKE, CAST, STOP_GRADIENT, CONSTANT
    }

    private final Random rnd;
    private final Graph g = new Graph();
    private final DType f;
    private final List<Node> pool = new ArrayList<>();
    private int inputs;

    private RandomGraphs(long seed, DType f) {
        this.rnd = new Random(seed);
        this.f = f;
    }

    /** A random graph of float type {@code f} with two or three named outputs. */
    static Map<String, Node> generate(long seed, DType f, int moves) {
        RandomGraphs r = new RandomGraphs(seed, f);
        r.pool.add(r.g.input("x", f, BATCH, 3, 4));
        r.pool.add(r.g.input("y", f, 2, BATCH));
        for (int i = 0; i < moves; i++) r.pool.add(r.move(Move.values()[r.rnd.nextInt(Move.values().length)]));
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("last", r.pool.get(r.pool.size() - 1));
        out.put("previous", r.pool.get(r.pool.size() - 2));
        out.put("any", r.pick());
        return out;
    }

    private Node pick() { return pool.get(rnd.nextInt(pool.size())); }

    private Node move(Move move) {
        Node a = pick();
        switch (move) {
            case UNARY: {
                Unary u = Unary.values()[rnd.nextInt(Unary.values().length)];
                if (u == Unary.LOG || u == Unary.SQRT) return g.apply(u, a.abs().add(0.5));
                return g.apply(u, u == Unary.EXP ? a.tanh() : a);
            }
            case BINARY: {
                Binary b = Binary.values()[rnd.nextInt(Binary.values().length)];
                Node c = partner(a);
                if (b == Binary.POW) return a.abs().add(0.5).pow(c.tanh());
                if (b == Binary.DIV) return a.div(c.abs().add(0.5));
                return g.apply(b, a, c);
            }
            case COMPARE_WHERE: {
                Compare cmp = Compare.values()[rnd.nextInt(Compare.values().length)];
                Node c = partner(a);
                Node mask = switch (rnd.nextInt(3)) {
                    case 0 -> g.apply(cmp, a, c);
                    case 1 -> g.apply(cmp, a.mul(2).cast(DType.I64), c.mul(2).cast(DType.I64));
                    default -> g.apply(cmp, a.gt(g.scalar(0, f)), c.gt(g.scalar(0, f)));
                };
                return mask.where(a, c);
            }
            case MATMUL: {
                while (a.rank() < 2) a = a.reshape(withLeadingOne(a.shape()));
                int rows = a.shape().dim(a.rank() - 2), k = a.shape().dim(a.rank() - 1);
                // a Gram matrix contracts over the batch axis when it is one of the two (two batch axes cannot exist)
                if (rows == BATCH) return a.mT().matmul(a);
                if (k == BATCH || rnd.nextBoolean()) return a.matmul(a.mT());
                return a.matmul(g.input("w" + inputs++, f, k, 1 + rnd.nextInt(4)));
            }
            case REDUCE: {
                Reduce.Kind kind = Reduce.Kind.values()[rnd.nextInt(3)];
                int[] axes = randomAxes(a.rank());
                return g.apply(Reduce.of(kind, a.shape(), rnd.nextBoolean(), axes), a);
            }
            case RESHAPE: return a.reshape(refactor(a.shape()));
            case TRANSPOSE: {
                List<Integer> perm = new ArrayList<>();
                for (int i = 0; i < a.rank(); i++) perm.add(i);
                java.util.Collections.shuffle(perm, rnd);
                return a.transpose(perm.stream().mapToInt(Integer::intValue).toArray());
            }
            case CONCAT: {
                int axis = staticAxis(a);
                return axis < 0 ? a : Node.concat(axis, a, a.neg(), a.slice(axis, 0, 1));
            }
            case SLICE: {
                int axis = staticAxis(a);
                if (axis < 0) return a.sin();
                int len = a.shape().dim(axis), start = rnd.nextInt(len);
                return a.slice(axis, start, start + 1 + rnd.nextInt(len - start));
            }
            case PAD: {
                int axis = staticAxis(a);
                return axis < 0 ? a.cos() : a.pad(axis, rnd.nextInt(3), 1 + rnd.nextInt(2));
            }
            case GATHER: {
                int axis = staticAxis(a);
                return axis < 0 ? a.abs() : a.gather(axis, randomIndices(1 + rnd.nextInt(5), a.shape().dim(axis)));
            }
            case SCATTER_ADD: {
                int axis = staticAxis(a);
                if (axis < 0) return a.sigmoid();
                int size = 1 + rnd.nextInt(4);
                return a.scatterAdd(axis, size, randomIndices(a.shape().dim(axis), size));
            }
            case EXPAND_LIKE: {
                int axis = staticAxis(a);
                Node small = axis < 0 || a.shape().dim(axis) == 1 ? g.scalar(rnd.nextGaussian(), f) : a.sumKeep(axis);
                return small.expandLike(a);
            }
            case CAST: {
                // no arithmetic in the other type: the interpreter computes in double whatever the declared type
                DType other = f == DType.F64 ? DType.F32 : DType.F64;
                return rnd.nextBoolean() ? a.cast(other).cast(f) : a.mul(3).cast(DType.I64).cast(f);
            }
            case STOP_GRADIENT: return a.stopGradient().mul(a);
            case CONSTANT: {
                int[] dims = a.shape().dims();
                for (int i = 0; i < dims.length; i++) if (dims[i] == BATCH) dims[i] = 1;
                Tensor c = Tensor.zeros(dims);
                for (int i = 0; i < c.size(); i++) c.data()[i] = rnd.nextGaussian();
                return a.add(g.constant(c, f));
            }
            default: throw new AssertionError(move);
        }
    }

    /** A value that broadcasts with {@code a}: a pool value of a compatible shape, else a reduction of a itself. */
    private Node partner(Node a) {
        Node c = pick();
        try {
            Shape.broadcast(a.shape(), c.shape());
            return c;
        } catch (IllegalArgumentException incompatible) {
            return a.rank() == 0 ? a.exp() : a.sumKeep(randomAxes(a.rank()));
        }
    }

    /** A non-empty random subset of the axes. */
    private int[] randomAxes(int rank) {
        if (rank == 0) return new int[0];
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < rank; i++) if (rnd.nextBoolean()) axes.add(i);
        if (axes.isEmpty()) axes.add(rnd.nextInt(rank));
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A random axis of static length, or −1. */
    private int staticAxis(Node a) {
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < a.rank(); i++) if (a.shape().dim(i) != BATCH) axes.add(i);
        return axes.isEmpty() ? -1 : axes.get(rnd.nextInt(axes.size()));
    }

    private int[] randomIndices(int count, int bound) {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) idx[i] = rnd.nextInt(bound);
        return idx;
    }

    /** The static elements regrouped into one or two axes, with the batch (if any) at a random position. */
    /** A new factorisation of the static dimensions; elements before and after the batch axis stay on their side. */
    private int[] refactor(Shape s) {
        int b = s.batchAxis();
        int before = 1, after = 1;
        for (int i = 0; i < s.rank(); i++) {
            if (b >= 0 && i < b) before *= s.dim(i);
            else if (i != b) after *= s.dim(i);
        }
        List<Integer> dims = new ArrayList<>();
        if (b >= 0) {
            if (before > 1) dims.addAll(split(before));
            dims.add(BATCH);
            if (after > 1) dims.addAll(split(after));
        } else {
            dims.addAll(split(after));
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** n as one factor or a random pair of factors. */
    private List<Integer> split(int n) {
        int first = 1;
        for (int d = 2; d < n; d++) if (n % d == 0 && rnd.nextBoolean()) first = d;
        return first > 1 ? List.of(first, n / first) : List.of(n);
    }

    private static int[] withLeadingOne(Shape s) {
        int[] d = new int[s.rank() + 1];
        d[0] = 1;
        for (int i = 0; i < s.rank(); i++) d[i + 1] = s.dim(i);
        return d;
    }
}
