package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Identity in value, zero in derivative: PITA's stop-grad on the score net's denoiser in the distillation loss. */
public enum StopGradient implements Op {
    INSTANCE;

    @Override public String label() { return "StopGradient"; }

    @Override public Shape shape(Node[] in) { return in[0].shape(); }

    @Override public Tensor eval(Tensor[] in) { return in[0]; }

    @Override public Node[] vjp(Node y, Node g, Node[] in) { return new Node[] {null}; }

    /** Gradients are symbolic and already built, so at run time this is the identity. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) { ctx.node("Identity", in, out); }
}
