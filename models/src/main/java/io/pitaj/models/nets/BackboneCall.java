package io.pitaj.models.nets;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Dropout;

/**
 * One evaluation of a backbone inside a preconditioned model: F(c_noise, c_in·x, β) with x, h and β in the model's
 * precision (double in the sampling graphs) and the backbone in the network precision (float32): the cast sits at
 * the backbone's boundary, so everything around the network — the preconditioning, the energy's quadratic term,
 * every weight-relevant product — stays in the model's precision.
 *
 * @param x      the model input [..., sample dims], model precision
 * @param h      the per-sample variance σ² [...]
 * @param scaled c_in·x in the model precision (the energy's inner product uses it)
 * @param y      c_in·x in the network precision: the backbone's input, the variable of its divergence
 * @param f      F(c_noise, y, β) in the network precision
 */
public record BackboneCall(Node x, Node h, Node scaled, Node y, Node f) {
    public static BackboneCall of(Backbone backbone, BoundParameters p, Node x, Node h, Node beta, DType network) {
        return of(backbone, p, x, h, beta, network, Dropout.OFF);
    }

    /** The call with dropout inside the backbone (training graphs). */
    public static BackboneCall of(Backbone backbone, BoundParameters p, Node x, Node h, Node beta, DType network, Dropout dropout) {
        if (!network.isFloat()) throw new IllegalArgumentException("networks run in a float type, not " + network);
        if (h.rank() >= x.rank()) throw new IllegalArgumentException("h " + h.shape() + " must be per sample of x " + x.shape());
        Node scaled = Preconditioning.perSample(Preconditioning.cIn(h), x).mul(x);
        Node y = scaled.cast(network);
        Node f = backbone.apply(p, Preconditioning.cNoise(h).cast(network), y, beta == null ? null : beta.cast(network), dropout);
        return new BackboneCall(x, h, scaled, y, f);
    }

    /** F in the model's precision. */
    public Node output() { return f.cast(x.dtype()); }

    /** Sum over one sample's coordinates: [..., sample dims] → [...]. */
    public Node perSampleSum(Node v) {
        int lead = h.rank();
        int[] axes = new int[v.rank() - lead];
        for (int i = 0; i < axes.length; i++) axes[i] = lead + i;
        return v.sum(axes);
    }

    /** Coordinates per sample. */
    public int sampleSize() {
        int n = 1;
        for (int i = h.rank(); i < x.rank(); i++) n *= x.shape().dim(i);
        return n;
    }
}
