package io.pitaj.models.train;

import io.pitaj.models.graph.NamedGraph;
import static io.pitaj.models.train.TrainingGraphNames.*;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.ParameterSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One whole optimiser step as a single graph: loss → gradients (reverse mode, so a loss that itself contains
 * gradients is differentiated to second order) → global-norm clipping → Adam update → optionally the EMA of the
 * updated parameters. Folding the EMA in keeps one session call per step and lets the EMA stay in ORT's buffers
 * with the rest of the state.
 *
 * <p>Inputs, in this order: {@code param/<p>} for every parameter, {@code adam_m/<p>}, {@code adam_v/<p>}, with
 * the EMA {@code ema/<p>}, {@code step} (scalar, 1-based index of this update), {@code lr} (scalar), then the
 * loss's {@code data/<d>}. Outputs, in this order: {@code loss}, {@code grad_norm} (before clipping), the terms the
 * loss reported ({@code term/<t>}), {@code new_param/<p>}, {@code new_adam_m/<p>}, {@code new_adam_v/<p>}, with
 * the EMA {@code new_ema/<p>}. Parameters appear in {@link ParameterSet} order.
 *
 * <p>EMA: ema ← d·ema + (1 − d)·p_new with d = min(0.999, (1 + step)/(10 + step)) computed in the graph from the
 * step input (see {@link #emaDecay}).
 *
 * <p>Update, per parameter with clipped gradient g = c·∇, c = min(1, maxNorm/(‖∇‖ + 1e-6)):
 * m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; p ← p − (lr/(1−β1^t))·m / (√v/√(1−β2^t) + ε) — the operation
 * order of {@code torch.optim.Adam}'s single-tensor path.
 */
public final class TrainingStepGraph {
    private TrainingStepGraph() {}

    /** PITA's cap on the EMA decay (spec §1.4). */
    public static final double EMA_MAX_DECAY = 0.999;

    /**
     * d = min(0.999, (1+n)/(10+n)) with n the number of optimiser updates including the one just taken (the
     * torch_ema convention: its counter is incremented before the decay is computed), so the first update uses 2/11.
     */
    public static double emaDecay(long updates) {
        if (updates < 1) throw new IllegalArgumentException("the EMA is updated after an optimiser step; got n = " + updates);
        return Math.min(EMA_MAX_DECAY, (1.0 + updates) / (10.0 + updates));
    }

    public static NamedGraph build(ParameterSet params, DType dtype, AdamConfig config, LossFunction lossFunction, boolean ema) {
        if (!dtype.isFloat()) throw new IllegalArgumentException("training graphs need a float type, got " + dtype);
        Graph graph = new Graph();
        BoundParameters p = params.bindAsInputs(graph, dtype, PARAM);
        BoundParameters m = params.bindAsInputs(graph, dtype, ADAM_M);
        BoundParameters v = params.bindAsInputs(graph, dtype, ADAM_V);
        BoundParameters average = ema ? params.bindAsInputs(graph, dtype, EMA) : null;
        Node step = graph.input(STEP, dtype, Shape.SCALAR);
        Node lr = graph.input(LEARNING_RATE, dtype, Shape.SCALAR);
        DataInputs data = new DataInputs(graph, dtype);
        Node loss = lossFunction.build(p, data);
        if (loss.rank() != 0) throw new IllegalArgumentException("the loss must be a scalar, got " + loss.shape());

        List<Node> grads = Autodiff.grad(loss, p.nodes());
        Node norm = GradientClipping.globalNorm(grads);
        Node clip = config.clips() ? GradientClipping.clipFactor(norm, config.maxGradNorm()) : null;

        Node one = graph.scalar(1, dtype);
        Node stepSize = lr.div(one.sub(graph.scalar(config.beta1(), dtype).pow(step)));
        Node sqrtBias2 = one.sub(graph.scalar(config.beta2(), dtype).pow(step)).sqrt();

        Node decay = ema ? step.add(1).div(step.add(10)).min(graph.scalar(EMA_MAX_DECAY, dtype)) : null;
        Map<String, Node> newP = new LinkedHashMap<>(), newM = new LinkedHashMap<>(), newV = new LinkedHashMap<>(),
                newEma = new LinkedHashMap<>();
        List<String> names = params.names();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Node g = clip == null ? grads.get(i) : grads.get(i).mul(clip);
            Node mi = m.get(name).mul(config.beta1()).add(g.mul(1 - config.beta1()));
            Node vi = v.get(name).mul(config.beta2()).add(g.square().mul(1 - config.beta2()));
            Node denominator = vi.sqrt().div(sqrtBias2).add(config.eps());
            Node pi = p.get(name).sub(stepSize.mul(mi).div(denominator));
            newP.put(NEW_PARAM + name, pi);
            if (ema) newEma.put(NEW_EMA + name, decay.mul(average.get(name)).add(decay.rsub(1).mul(pi)));
            newM.put(NEW_ADAM_M + name, mi);
            newV.put(NEW_ADAM_V + name, vi);
        }
        Map<String, Node> outputs = new LinkedHashMap<>();
        outputs.put(LOSS, loss);
        outputs.put(GRAD_NORM, norm);
        data.reportedTerms().forEach((name, term) -> outputs.put(TERM + name, term));
        outputs.putAll(newP);
        outputs.putAll(newM);
        outputs.putAll(newV);
        outputs.putAll(newEma);
        return new NamedGraph(graph, outputs);
    }
}
