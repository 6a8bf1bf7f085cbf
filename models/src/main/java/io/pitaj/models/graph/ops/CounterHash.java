package io.pitaj.models.graph.ops;

import ai.onnx.proto.OnnxMl.TensorProto;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * A counter-based pseudo-random generator as an op: for int64 inputs (base, grid, key) — base and grid broadcast
 * against each other, key a scalar below 2⁵³ — each element's counter c = base + grid + shift becomes the top
 * 31 bits of fmix64(c ⊕ key) (MurmurHash3's 64-bit finaliser, a bijection with full avalanche), a value in
 * [0, 2³¹) that looks uniform and independent of its neighbours. Masks (dropout) are computed this way inside the
 * graph from per-row bases, a constant grid and a per-step key, so nothing of the mask's size crosses from Java;
 * {@code shift} separates masks that share a grid. Distinct counters give distinct 64-bit hashes within a step.
 *
 * <p>With {@code lanes = 4} each hash serves four outputs: the result gets a trailing axis of 4 holding the hash's
 * four 16-bit lanes (high to low), a quarter of the hashing per output value for masks whose rate needs no more than
 * 16 bits of resolution.
 *
 * <p>The ONNX lowering works in uint64 (Cast, BitwiseXor, BitShift and Mul wrap modulo 2⁶⁴, all vectorisable —
 * integer Div/Mod would cost an idiv per element); {@link #eval} does the same in Java longs with logical shifts.
 * Only the 31-bit result reaches a tensor, so the interpreter's doubles hold every value exactly and the two
 * agree bit for bit.
 */
public record CounterHash(long shift, int lanes) implements Op {
    /** One output per counter: values in [0, 2³¹). */
    public static final long RANGE = 1L << 31;
    /** Four outputs per counter: values in [0, 2¹⁶). */
    public static final long LANE_RANGE = 1L << 16;
    /** Keys must be exact in the interpreter's doubles. */
    public static final long KEY_LIMIT = 1L << 53;
    private static final long C1 = 0xff51afd7ed558ccdL, C2 = 0xc4ceb9fe1a85ec53L;
    private static final int SHIFT = 33;
    private static final long UINT64 = TensorProto.DataType.UINT64.getNumber();

    public CounterHash {
        if (shift < 0 || shift >= KEY_LIMIT) throw new IllegalArgumentException("shift must be in [0, 2^53), got " + shift);
        if (lanes != 1 && lanes != 4) throw new IllegalArgumentException("lanes must be 1 or 4, got " + lanes);
    }

    /** One 31-bit output per counter. */
    public CounterHash(long shift) { this(shift, 1); }

    /** The generator on one counter and key, in Java: what {@link #eval} and the lowering compute element-wise. */
    public static long hash(long counter, long key) { return mix(counter, key) >>> SHIFT; }

    /** Lane {@code lane} (0 = highest 16 bits) of the full 64-bit hash. */
    public static long lane(long counter, long key, int lane) { return (mix(counter, key) >>> (48 - 16 * lane)) & 0xFFFF; }

    private static long mix(long counter, long key) {
        long x = counter ^ key;
        x = (x ^ (x >>> SHIFT)) * C1;
        x = (x ^ (x >>> SHIFT)) * C2;
        return x ^ (x >>> SHIFT);
    }

    @Override public String label() { return "CounterHash:" + shift + (lanes == 1 ? "" : "x" + lanes); }

    @Override public Shape shape(Node[] in) {
        for (Node n : in) {
            if (n.dtype() != DType.I64) throw new IllegalArgumentException("counter-hash inputs must be int64, got " + n.dtype());
        }
        if (in[2].rank() != 0) throw new IllegalArgumentException("the key must be a scalar, got " + in[2].shape());
        Shape s = Shape.broadcast(in[0].shape(), in[1].shape());
        if (s.rank() == 0) throw new IllegalArgumentException("counters need at least one axis");
        if (lanes == 1) return s;
        int[] dims = java.util.Arrays.copyOf(s.dims(), s.rank() + 1);
        dims[s.rank()] = lanes;
        return Shape.of(dims);
    }

    /** Counters stay below 2⁵³ (base, grid and shift are small), so double arithmetic is exact here. */
    @Override public Tensor eval(Tensor[] in) {
        long key = (long) in[2].item();
        Tensor counters = Tensor.zip(in[0], in[1], (base, grid) -> base + grid + shift);
        if (lanes == 1) return counters.map(c -> hash((long) c, key));
        int[] shape = java.util.Arrays.copyOf(counters.shape(), counters.rank() + 1);
        shape[counters.rank()] = lanes;
        double[] out = new double[counters.size() * lanes];
        for (int i = 0; i < counters.size(); i++) {
            for (int l = 0; l < lanes; l++) out[i * lanes + l] = lane((long) counters.data()[i], key, l);
        }
        return new Tensor(shape, out);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) { return new Node[] {null, null, null}; }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        String counters = ctx.op("Add", List.of(ctx.op("Add", List.of(in.get(0), in.get(1))), ctx.int64s(shift)));
        String x = ctx.op("BitwiseXor", List.of(unsigned(ctx, counters), unsigned(ctx, in.get(2))));
        String shiftBy = unsigned(ctx, ctx.int64s(SHIFT));
        x = ctx.op("Mul", List.of(foldHighBits(ctx, x, shiftBy), unsigned(ctx, ctx.int64s(C1))));
        x = ctx.op("Mul", List.of(foldHighBits(ctx, x, shiftBy), unsigned(ctx, ctx.int64s(C2))));
        x = foldHighBits(ctx, x, shiftBy);
        String result;
        if (lanes == 1) {
            result = ctx.op("BitShift", List.of(x, shiftBy), Attribute.ofString("direction", "RIGHT"));
        } else {
            String spread = ctx.op("Unsqueeze", List.of(x, ctx.int64s(-1L)));
            String shifts = unsigned(ctx, ctx.int64s(48L, 32L, 16L, 0L));
            String shifted = ctx.op("BitShift", List.of(spread, shifts), Attribute.ofString("direction", "RIGHT"));
            result = ctx.op("BitwiseAnd", List.of(shifted, unsigned(ctx, ctx.int64s(0xFFFFL))));
        }
        ctx.node("Cast", List.of(result), out, OnnxLowering.castTo(y.dtype().onnx()));
    }

    /** x ⊕ (x ≫ 33). */
    private static String foldHighBits(OnnxLowering ctx, String x, String shiftBy) {
        return ctx.op("BitwiseXor", List.of(x, ctx.op("BitShift", List.of(x, shiftBy), Attribute.ofString("direction", "RIGHT"))));
    }

    /** int64 → uint64, bit for bit (two's complement). */
    private static String unsigned(OnnxLowering ctx, String value) {
        return ctx.op("Cast", List.of(value), Attribute.ofInt("to", UINT64));
    }

    /** Built from constants only it is just a table; never fold it (a mask grid would be stored as data). */
    @Override public boolean foldable() { return false; }
}
