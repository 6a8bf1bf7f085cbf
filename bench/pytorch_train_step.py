"""PyTorch twin of `pita bench train-step`, for a side-by-side speed comparison on the same machine.

Optional developer tool: nothing in PITA-J's build, tests or product runs it. On Debian:
    apt-get install python3-torch libopenblas0-pthread   # without OpenBLAS torch uses the reference BLAS, 3-4x slower
    bench/torch-env /usr/bin/python3 bench/pytorch_train_step.py --dim 66 --hidden 256 --layers 4 --batch 512 --threads 2 --steps 200 [--double-backprop]

One step is exactly what the Java benchmark times: forward, backward, global-norm clipping (0.5) and Adam (lr 1e-3),
in float32. The network is an MLP with `layers` hidden layers of width `hidden` and SiLU activations.
Plain step: mean squared error between MLP(x) (output dim = dim) and a fixed target.
Double-backprop step: U(x) = sum of a scalar-output MLP; loss = mean_b ||x_b - h * grad_x U(x_b)||^2, h = 0.1,
differentiated with respect to the weights (create_graph=True).
"""
import argparse
import json
import statistics
import time

import torch


def mlp(dim, hidden, layers, out):
    mods, width = [], dim
    for _ in range(layers):
        mods += [torch.nn.Linear(width, hidden), torch.nn.SiLU()]
        width = hidden
    mods.append(torch.nn.Linear(width, out))
    return torch.nn.Sequential(*mods)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dim", type=int, default=66)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--batch", type=int, default=512)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--double-backprop", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    net = mlp(a.dim, a.hidden, a.layers, 1 if a.double_backprop else a.dim)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.randn(a.batch, a.dim)
    target = torch.randn(a.batch, a.dim)

    def step():
        opt.zero_grad(set_to_none=True)
        if a.double_backprop:
            xr = x.clone().requires_grad_(True)
            u = net(xr).sum()
            (gx,) = torch.autograd.grad(u, xr, create_graph=True)
            loss = ((xr - 0.1 * gx) ** 2).sum(dim=1).mean()
        else:
            loss = ((net(x) - target) ** 2).mean()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 0.5)
        opt.step()
        return loss.item()

    warmup = max(10, a.steps // 10)
    for _ in range(warmup):
        step()
    times = []
    for _ in range(a.steps):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1e3)
    print(json.dumps({"engine": "pytorch " + torch.__version__, "threads": a.threads, "batch": a.batch,
                      "double_backprop": a.double_backprop, "ms_per_step": statistics.median(times)}))


if __name__ == "__main__":
    main()
