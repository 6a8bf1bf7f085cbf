package io.pitaj.models.graph;

import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * One operation of the graph: its shape rule, its double-precision forward and its vector-Jacobian product,
 * side by side. Every VJP is written with graph ops, so gradients are graphs too and can be differentiated again.
 *
 * <p>Ops are values: equal ops applied to equal inputs are the same node (common-subexpression elimination in
 * {@link Graph}). Implementations are records or enum constants so that equality is structural.
 */
public interface Op {
    /** Short label for printing and error messages. */
    String label();

    /** Output shape, validating the inputs. */
    Shape shape(Node[] in);

    /** Output element type; by default that of the first input. */
    default DType dtype(Node[] in) { return in[0].dtype(); }

    /** Forward evaluation in double precision. */
    Tensor eval(Tensor[] in);

    /**
     * Cotangents of the inputs given the output {@code y} and its cotangent {@code g}, one per input, each with
     * the shape of its input; {@code null} where no gradient flows (integer inputs, masks, constants of the op).
     */
    Node[] vjp(Node y, Node g, Node[] in);

    /** An equivalent existing node (algebraic simplification), or null to build the op. */
    default Node simplify(Node[] in) { return null; }

    /**
     * Writes this op into an ONNX model: standard opset-18 nodes computing {@code y} from the values named
     * {@code in} (one per input of {@code y}), one of which must define the value named {@code out}. Helper
     * values get fresh names from {@code ctx}. Throws IllegalArgumentException when the op cannot be expressed.
     */
    void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out);

    /** Whether evaluating this op at graph-build time is allowed when all inputs are constant. */
    default boolean foldable() { return true; }
}
