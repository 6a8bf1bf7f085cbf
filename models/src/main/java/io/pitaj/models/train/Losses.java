package io.pitaj.models.train;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.Node;
import java.util.List;

/** Loss terms built from graph nodes. */
public final class Losses {
    private Losses() {}

    /** Mean over all elements of (prediction − target)², as {@code torch.nn.MSELoss()}. */
    public static Node meanSquaredError(Node prediction, Node target) {
        return prediction.sub(target).square().meanAll();
    }

    /**
     * mean_b ‖x_b − h·∇ₓU(x_b)‖² for per-sample energies of shape [N] or [N, 1] on x of shape [N, d]: the shape of
     * PITA's energy-distillation term (a denoiser x − h∇U) with target zero. ∇ₓU is built as graph nodes, so
     * differentiating this loss with respect to U's parameters is second order (double backprop). Because each
     * energy depends only on its own sample, ∇ₓ of the batch sum gives every per-sample gradient at once.
     */
    public static Node gradientStepSquaredNorm(Node energies, Node x, double h) {
        if (x.rank() != 2 || x.shape().batchAxis() != 0) {
            throw new IllegalArgumentException("x must have shape [N, d], got " + x.shape());
        }
        Node gradU = Autodiff.grad(energies.sumAll(), List.of(x)).get(0);
        return x.sub(gradU.mul(h)).square().sum(1).mean(0);
    }
}
