package io.pitaj.models.bench;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Mlp;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.targets.StandardNormal;
import java.util.SplittableRandom;

/**
 * The network the graph benchmarks time: an MLP with {@code layers} hidden SiLU layers of width {@code hidden},
 * PyTorch-default initialisation from {@code seed}, and standard-normal batches of {@code batch} samples.
 */
public record MlpBenchmarkSetup(int dim, int hidden, int layers, int batch, DType dtype, long seed) {
    public MlpBenchmarkSetup {
        if (dim < 1 || hidden < 1 || layers < 1 || batch < 1) {
            throw new IllegalArgumentException("dim, hidden, layers and batch must be at least 1");
        }
        if (!dtype.isFloat()) throw new IllegalArgumentException("networks run in f32 or f64, not " + dtype);
    }

    /** A new MLP dim → outDim, registering its parameters in {@code params}. */
    Mlp mlp(ParameterSet params, int outDim, SplittableRandom rng) {
        return new Mlp(params, "mlp", dim, hidden, layers, outDim, Mlp.Activation.SILU, rng);
    }

    /** A [batch, dim] tensor of standard normal values. */
    Tensor gaussianBatch(SplittableRandom rng) {
        double[] v = new double[batch * dim];
        for (int i = 0; i < v.length; i++) v[i] = StandardNormal.draw(rng);
        return new Tensor(new int[] {batch, dim}, v);
    }
}
