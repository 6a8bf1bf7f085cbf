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
 * <p>The ONNX lowering works in uint64 (Cast, BitwiseXor, BitShift and Mul wrap modulo 2⁶⁴, all vectorisable —
 * integer Div/Mod would cost an idiv per element); {@link #eval} does the same in Java longs with logical shifts.
 * Only the 31-bit result reaches a tensor, so the interpreter's doubles hold every value exactly and the two
 * agree bit for bit.
 */
public record CounterHash(long shift) implements Op {
    /** Outputs are in [0, 2³¹). */
    public static final long RANGE = 1L << 31;
    /** Keys must be exact in the interpreter's doubles. */
    public static final long KEY_LIMIT = 1L << 53;
    private static final long C1 = 0xff51afd7ed558ccdL, C2 = 0xc4ceb9fe1a85ec53L;
    private static final int SHIFT = 33;
    private static final long UINT64 = TensorProto.DataType.UINT64.getNumber();

    public CounterHash {
        if (shift < 0 || shift >= KEY_LIMIT) throw new IllegalArgumentException("shift must be in [0, 2^53), got " + shift);
    }

    /** The generator on one counter and key, in Java: what {@link #eval} and the lowering compute element-wise. */
    public static long hash(long counter, long key) {
        long x = counter ^ key;
        x = (x ^ (x >>> SHIFT)) * C1;
        x = (x ^ (x >>> SHIFT)) * C2;
        x ^= x >>> SHIFT;
        return x >>> SHIFT;
    }

    @Override public String label() { return "CounterHash:" + shift; }

    @Override public Shape shape(Node[] in) {
        for (Node n : in) {
            if (n.dtype() != DType.I64) throw new IllegalArgumentException("counter-hash inputs must be int64, got " + n.dtype());
        }
        if (in[2].rank() != 0) throw new IllegalArgumentException("the key must be a scalar, got " + in[2].shape());
        Shape s = Shape.broadcast(in[0].shape(), in[1].shape());
        if (s.rank() == 0) throw new IllegalArgumentException("counters need at least one axis");
        return s;
    }

    /** Counters stay below 2⁵³ (base, grid and shift are small), so double arithmetic is exact here. */
    @Override public Tensor eval(Tensor[] in) {
        long key = (long) in[2].item();
        return Tensor.zip(in[0], in[1], (base, grid) -> hash((long) base + (long) grid + shift, key));
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) { return new Node[] {null, null, null}; }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        String counters = ctx.op("Add", List.of(ctx.op("Add", List.of(in.get(0), in.get(1))), ctx.int64s(shift)));
        String x = ctx.op("BitwiseXor", List.of(unsigned(ctx, counters), unsigned(ctx, in.get(2))));
        String shiftBy = unsigned(ctx, ctx.int64s(SHIFT));
        x = ctx.op("Mul", List.of(foldHighBits(ctx, x, shiftBy), unsigned(ctx, ctx.int64s(C1))));
        x = ctx.op("Mul", List.of(foldHighBits(ctx, x, shiftBy), unsigned(ctx, ctx.int64s(C2))));
        String top = ctx.op("BitShift", List.of(foldHighBits(ctx, x, shiftBy), shiftBy), Attribute.ofString("direction", "RIGHT"));
        ctx.node("Cast", List.of(top), out, OnnxLowering.castTo(y.dtype().onnx()));
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
