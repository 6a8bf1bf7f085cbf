"""PyTorch twin of `pita bench smc`: a whole Feynman-Kac SMC anneal of two random networks, for a speed comparison.

Optional developer tool: nothing in PITA-J's build, tests or product runs it. It measures particle-steps per second of
the same run as models/.../bench/SmcBenchmark.java (FeynmanKacAnnealer with the exact divergence, systematic resampling
every step, per-chunk 0.9-quantile clipping, and for LJ-13 the final weighting against the true target), and where the
loop's time goes. Run it in PyTorch's best CPU environment on these machines (Debian's torch 1.13 with functorch):
    apt-get install python3-torch libopenblas0-pthread   # without OpenBLAS torch uses the reference BLAS, 3-4x slower
    bench/torch-env /usr/bin/python3 bench/pytorch_smc_anneal.py --arch egnn --system lj13 --particles 512 --steps 20 --threads 2
    bench/torch-env /usr/bin/python3 bench/pytorch_smc_anneal.py --arch dit --system aldp --particles 64 --steps 20 --threads 2
    bench/torch-env /usr/bin/python3 bench/pytorch_smc_anneal.py --check-fixture    # LJ and resampler fixtures only
It reuses the networks (EGNN, DiT3D), the EDM preconditioning and the exact-divergence methods of pytorch_smc_step.py
(imported, not copied); --method picks the divergence method (vmap, the fastest there, by default).

The run (pita-algorithm.md sections 1.2, 1.8.4, 1.8.5), in float64 outside the networks (the networks run in float32,
inputs cast in and outputs cast out per chunk, as in pytorch_smc_step.py):
    x ~ N(0, h(1)/gamma I), mean-free per particle; K steps k = 0..K-1 at t = 1 - k/K, dt = 1/K, g^2 = dh/dt:
      per chunk one call of the network code: s, exact div s, U, grad_x U, dU/dt (autograd through h(t))
      drift = gamma (g^2/2)(s - grad U),  G = gamma^2 (g^2/2)<-grad U, s> + gamma (g^2/2) div s + gamma dU/dt
      G <- min(G, 0.9-quantile of G over the chunk);  x <- x + drift dt + sqrt(g^2 dt) xi;  remove each particle's mean
      log w += G dt;  systematic resampling of the whole population on log w (exact softmax, one uniform); log w <- 0
    LJ-13 only: lw = log pi_T(x) + gamma U(x, t* = 1 - K/K = 0) + log w with T = 1/gamma (the Java bench's target
      temperature / gamma), clipped at its 0.9-quantile, then one more systematic resampling.
Timing (time.perf_counter): network building is excluded; loop_s runs from the prior draw to the end of the final
resampling. The forward share is timed apart afterwards, as in the Java bench: score and energy values only (no
derivatives) over the final population, one warm-up call and then one call per step at the run's times.
share_divergence = (network time - forward time)/loop_s, so it holds every derivative the step needs (div s, grad_x U,
dU/dt); share_target = the LJ energies; share_resampling = weights to ancestors and the copy; share_host = the rest
(drift, increments, clipping, noise, mean removal, ESS and log Z bookkeeping).
"""
import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pytorch_smc_step as P  # noqa: E402

import torch  # noqa: E402

TARGET_TEMPERATURE = {"lj13": 1.0, "aldp": 300.0}  # last rung of each ladder (only lj13's is used: final SNIS)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------------------------------------------------
# Schedule on the host (float64): h(t) and g(t)^2 = dh/dt (spec 1.2)
# ----------------------------------------------------------------------------------------------------------------------
def variance(t, sigma_min):
    a = P.SIGMA_MAX ** (1.0 / P.RHO)
    b = sigma_min ** (1.0 / P.RHO) - a
    return (a + (1.0 - t) * b) ** (2.0 * P.RHO)


def g2(t, sigma_min):
    a = P.SIGMA_MAX ** (1.0 / P.RHO)
    b = sigma_min ** (1.0 / P.RHO) - a
    return -2.0 * P.RHO * b * (a + (1.0 - t) * b) ** (2.0 * P.RHO - 1.0)


# ----------------------------------------------------------------------------------------------------------------------
# Target: LJ-13, PITA/DEM pair convention (2 x the unique-pair sum) and harmonic trap on the centred positions (spec 3.1)
# ----------------------------------------------------------------------------------------------------------------------
def lj_energy(x, pair_multiplicity=2.0, oscillator_scale=1.0):
    """x [B, n, 3] float64 -> E [B]. Overlapping particles give inf - inf = NaN (the Java target does the same)."""
    n = x.shape[1]
    i, j = torch.triu_indices(n, n, 1)
    d = x[:, i, :] - x[:, j, :]
    inv2 = 1.0 / (d * d).sum(-1)
    inv6 = inv2 * inv2 * inv2
    pair = (inv6 * inv6 - 2.0 * inv6).sum(-1)
    u = x - x.mean(1, keepdim=True)
    return pair_multiplicity * pair + 0.5 * oscillator_scale * (u * u).sum((1, 2))


def lj_log_density(x, temperature):
    return -lj_energy(x) / temperature


# ----------------------------------------------------------------------------------------------------------------------
# Log-weights and systematic resampling (LogWeights.java, Resampler.SYSTEMATIC)
# ----------------------------------------------------------------------------------------------------------------------
def probabilities(w):
    """Exact softmax; +inf logits share the mass equally; NaN or all -inf is an error (LogWeights.probabilities)."""
    if torch.isnan(w).any():
        raise ValueError("log-weight of particle %d is NaN" % int(torch.nonzero(torch.isnan(w))[0]))
    m = w.max()
    if m == -math.inf:
        raise ValueError("every weight is zero (all %d log-weights are -inf)" % w.numel())
    if m == math.inf:
        top = (w == m).to(w.dtype)
        return top / top.sum()
    p = torch.exp(w - m)
    return p / p.sum()


def log_mean_exp(w):
    m = w.max()
    if not math.isfinite(m.item()):
        return m.item()
    return (m + torch.log(torch.exp(w - m).sum())).item() - math.log(w.numel())


def ess(w):
    p = probabilities(w)
    return 1.0 / (p * p).sum().item()


def clip_above_quantile(w, q):
    """In place: values above the q-quantile (linear between order statistics, as torch.quantile) are set to it."""
    s = torch.sort(w).values
    pos = q * (s.numel() - 1)
    lo = int(math.floor(pos))
    cap = s[lo] + (pos - lo) * (s[lo + 1] - s[lo]) if lo + 1 < s.numel() else s[lo]
    torch.minimum(w, cap, out=w)


def systematic(logw, u0):
    """Sorted ancestors: u_i = (i + u0)/N, index_i = first j with cumsum_j >= u_i and p_j > 0, clamped to the last
    particle with weight (Resampler.inverseCdf)."""
    p = probabilities(logw)
    N = p.numel()
    c = torch.cumsum(p, 0)
    u = (torch.arange(N, dtype=p.dtype) + u0) / N
    idx = torch.searchsorted(c, u)
    pos = p > 0
    last = int(torch.nonzero(pos)[-1]) if pos.any() else 0
    # next index with positive weight at or after j (N where none): a reversed running minimum
    nxt = torch.where(pos, torch.arange(N), torch.full((N,), N, dtype=torch.long))
    nxt = torch.flip(torch.cummin(torch.flip(nxt, [0]), 0).values, [0])
    idx = nxt[idx.clamp(max=N - 1)]
    return idx.clamp(max=last)


def inverse_cdf_loop(p, u0):
    """Resampler.inverseCdf of the Java code, line by line (the reference for the vectorised systematic above)."""
    m, j, c, out = len(p), 0, p[0], []
    last = max([i for i in range(1, m) if p[i] > 0], default=0)
    for i in range(m):
        u = (i + u0) / m
        while (c < u or p[j] == 0) and j < last:
            j += 1
            c += p[j]
        out.append(j)
    return out


def check_fixtures():
    """pita-algorithm.md 1.11: unit equilateral triangle E = 3*2*(1-2) + 0.5*sum|x_i - xbar|^2 = -5.5; systematic
    resampling gives every index once for equal logits, collapses onto one +inf logit and matches a line-by-line
    port of the Java inverse CDF (zero weights included); the clip's quantile is torch.quantile's."""
    tri = torch.tensor([[[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.5, math.sqrt(3.0) / 2.0, 0.0]]], dtype=torch.float64)
    e = lj_energy(tri).item()
    assert abs(e - (-5.5)) < 1e-12, "LJ fixture: unit triangle gives %r, expected -5.5" % e
    for N in (1, 7, 64, 512, 5000):
        for u0 in (1e-9, 0.25, 0.5, 0.999999):
            got = systematic(torch.zeros(N, dtype=torch.float64), u0)
            assert torch.equal(got, torch.arange(N)), "equal logits: N=%d u0=%g gave %s" % (N, u0, got[:10].tolist())
    w = torch.zeros(9, dtype=torch.float64)
    w[4] = math.inf
    assert torch.equal(systematic(w, 0.3), torch.full((9,), 4)), "one +inf logit must take every index"
    w = torch.tensor([0.0, -math.inf, -math.inf, 0.0], dtype=torch.float64)
    assert set(systematic(w, 0.6).tolist()) <= {0, 3}, "zero weights must never be selected"
    g = torch.Generator().manual_seed(5)
    for N in (1, 2, 13, 64):
        w = 3.0 * torch.randn(N, generator=g, dtype=torch.float64)
        w[torch.rand(N, generator=g) < 0.3] = -math.inf
        w[0] = 0.0 if N == 1 else w[0]
        for u0 in (0.0, 0.37, 0.999):
            ref = inverse_cdf_loop(probabilities(w).tolist(), u0)
            assert systematic(w, u0).tolist() == ref, "systematic differs from Resampler.inverseCdf: N=%d u0=%g" % (N, u0)
    v = torch.randn(101, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    cv = v.clone()
    clip_above_quantile(cv, 0.9)
    assert abs(cv.max().item() - torch.quantile(v, 0.9).item()) < 1e-12, "clip cap differs from torch.quantile"
    return {"lj_unit_triangle": e, "systematic_equal_weights": "each index once", "systematic_inf_logit": "collapses",
            "systematic_vs_java_loop": "equal",
            "clip_quantile": "matches torch.quantile"}


# ----------------------------------------------------------------------------------------------------------------------
# The anneal
# ----------------------------------------------------------------------------------------------------------------------
class Anneal:
    def __init__(self, a, step, n, sigma_min):
        self.a, self.st, self.n, self.D, self.smin = a, step, n, 3 * n, sigma_min
        self.net_s = self.target_s = self.resample_s = 0.0
        self.model_evaluations = self.target_evaluations = 0

    def network_step(self, x, t):
        """One call of the network code per chunk: s, div s, U, grad_x U, dU/dt in float64 ([N, n, 3] / [N])."""
        a, outs = self.a, []
        for c0 in range(0, x.shape[0], a.chunk):
            xc = x[c0:c0 + a.chunk]
            B = xc.shape[0]
            xf = xc.to(torch.float32).requires_grad_(True)
            tf = torch.full((B,), t, dtype=torch.float32).requires_grad_(True)
            beta = torch.ones(B, dtype=torch.float32)  # beta = 1 (used by the beta-conditioned EGNN only)
            s, div, U, gx, gt = self.st.exact(a.method, a.div_chunk, xf, tf, beta)
            outs.append([v.detach().to(torch.float64) for v in (s, div, U, gx, gt)])
            self.model_evaluations += B
        return [torch.cat(v) for v in zip(*outs)]

    def forward_values(self, x, t):
        """Score and energy values only (the Java None-mode graph), float64."""
        a, S, E = self.a, [], []
        for c0 in range(0, x.shape[0], a.chunk):
            xc = x[c0:c0 + a.chunk]
            B = xc.shape[0]
            s, U = self.st.forward_only(xc.to(torch.float32), torch.full((B,), t, dtype=torch.float32),
                                        torch.ones(B, dtype=torch.float32))
            S.append(s.to(torch.float64))
            E.append(U.to(torch.float64))
        return torch.cat(S), torch.cat(E)

    def run(self):
        a, N, n, K, gamma = self.a, self.a.particles, self.n, self.a.steps, self.a.gamma
        g_prior = torch.Generator().manual_seed(a.seed * 4 + 1)
        g_noise = torch.Generator().manual_seed(a.seed * 4 + 2)
        g_resample = torch.Generator().manual_seed(a.seed * 4 + 3)
        dt = 1.0 / K
        start = time.perf_counter()
        x = math.sqrt(variance(1.0, self.smin) / gamma) * torch.randn(N, n, 3, generator=g_prior, dtype=torch.float64)
        x = x - x.mean(1, keepdim=True)
        logw = torch.zeros(N, dtype=torch.float64)
        logz = 0.0
        for k in range(K):
            t = 1.0 - k * dt
            gg = g2(t, self.smin)
            t0 = time.perf_counter()
            s, div, U, gx, gt = self.network_step(x, t)
            self.net_s += time.perf_counter() - t0
            half = 0.5 * gg
            drift = gamma * half * (s - gx)
            inc = -gamma * gamma * half * (gx * s).sum((1, 2)) + gamma * half * div + gamma * gt
            if a.clip_quantile < 1:
                for c0 in range(0, N, a.chunk):
                    clip_above_quantile(inc[c0:c0 + a.chunk], a.clip_quantile)
            x = x + drift * dt + math.sqrt(gg * dt) * torch.randn(N, n, 3, generator=g_noise, dtype=torch.float64)
            x = x - x.mean(1, keepdim=True)
            logw += inc * dt
            e = ess(logw)  # the Java loop's ESS trace
            r0 = time.perf_counter()
            logz += log_mean_exp(logw)
            anc = systematic(logw, torch.rand((), generator=g_resample, dtype=torch.float64).item())
            distinct = int(torch.unique_consecutive(anc).numel())
            x = x[anc]
            logw.zero_()
            self.resample_s += time.perf_counter() - r0
            log("step %d/%d  t=%.3f  ess %.1f  ancestors %d" % (k + 1, K, t, e, distinct))
        final_ess = ess(logw)
        if a.final_snis:
            t_star = 1.0 - K / K  # k_end = K here (resampling every step to the end), so t* = 0
            t0 = time.perf_counter()
            _, u = self.forward_values(x, t_star)
            self.model_evaluations += N
            t1 = time.perf_counter()
            self.net_s += t1 - t0
            log_target = lj_log_density(x, TARGET_TEMPERATURE[a.system] / gamma)
            self.target_evaluations += N
            t2 = time.perf_counter()
            self.target_s += t2 - t1
            lw = torch.where(torch.isnan(log_target), torch.full_like(log_target, -math.inf), log_target + gamma * u + logw)
            if a.clip_quantile < 1:
                clip_above_quantile(lw, a.clip_quantile)
            final_ess = ess(lw)
            logz += log_mean_exp(lw)
            x = x[systematic(lw, torch.rand((), generator=g_resample, dtype=torch.float64).item())]
            logw.zero_()
            self.resample_s += time.perf_counter() - t2
        loop = time.perf_counter() - start
        return x, loop, final_ess, logz

    def forward_seconds(self, x):
        self.forward_values(x, 1.0)  # warm-up, as the step's first call is inside the run
        t0 = time.perf_counter()
        for k in range(self.a.steps):
            self.forward_values(x, 1.0 - k / self.a.steps)
        return time.perf_counter() - t0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arch", choices=["egnn", "dit"], default="egnn")
    p.add_argument("--system", choices=list(P.SYSTEMS), default=None, help="default lj13 (egnn), aldp (dit)")
    p.add_argument("--particles", type=int, default=None, help="default 512 (egnn), 64 (dit)")
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--chunk", type=int, default=None, help="particles per network call and clipping chunk (default all)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--gamma", type=float, default=1.5)
    p.add_argument("--clip-quantile", type=float, default=0.9, help="1 switches clipping off")
    p.add_argument("--method", choices=["vmap", "loop", "jacrev", "copies", "jvp"], default="vmap",
                   help="exact-divergence method of pytorch_smc_step.py")
    p.add_argument("--div-chunk", type=int, default=None, help="one-hot coordinates per vmap/jvp/copies pass (default 3n)")
    p.add_argument("--final-snis", choices=["auto", "on", "off"], default="auto", help="auto: on for lj13 only")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--hidden", type=int, default=None)
    p.add_argument("--layers", "--blocks", dest="layers", type=int, default=None)
    p.add_argument("--heads", type=int, default=None)
    p.add_argument("--cond", type=int, default=None)
    p.add_argument("--edges", choices=["offdiag", "masked"], default="offdiag")
    p.add_argument("--check-fixture", action="store_true", help="only the LJ, resampling and clipping fixtures")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    fixtures = check_fixtures()  # microseconds: always, so a broken target or resampler never produces a number
    if a.check_fixture:
        print(json.dumps({"check": "pass", **fixtures}))
        return 0
    a.system = a.system or ("lj13" if a.arch == "egnn" else "aldp")
    a.particles = a.particles or (512 if a.arch == "egnn" else 64)
    a.chunk = a.chunk or a.particles
    if a.particles < 1 or a.steps < 1 or a.chunk < 1 or not 0 < a.clip_quantile <= 1:
        p.error("--particles, --steps and --chunk must be at least 1 and --clip-quantile in (0, 1]")
    a.final_snis = a.system.startswith("lj") if a.final_snis == "auto" else a.final_snis == "on"
    if a.final_snis and not a.system.startswith("lj"):
        p.error("the final weighting needs the true target, implemented here for lj13 only")
    n = P.SYSTEMS[a.system]["n"]
    a.div_chunk = a.div_chunk or 3 * n
    a.max_rows = 4096 if a.arch == "egnn" else 1024  # copies only (as in pytorch_smc_step.py)

    s0 = time.perf_counter()
    (fs, fe), n, smin = P.build(a, torch.float32)
    step = P.Step(fs, fe, n, smin, a.max_rows)
    setup = time.perf_counter() - s0
    log("%s/%s: %d parameters per network, %d particles, %d steps, chunk %d, %s div (chunk %d), %d threads"
        % (a.arch, a.system, sum(q.numel() for q in fs.parameters()), a.particles, a.steps, a.chunk, a.method,
           a.div_chunk, a.threads))
    run = Anneal(a, step, n, smin)
    x, loop, final_ess, logz = run.run()
    log("final ESS %.1f, log Z %.4g; timing the forward passes apart" % (final_ess, logz))
    fwd = run.forward_seconds(x)
    print(json.dumps({
        "system": a.system, "arch": a.arch, "particles": a.particles, "steps": a.steps, "chunk": a.chunk,
        "threads": a.threads, "method": a.method, "div_chunk": a.div_chunk,
        "particle_steps_per_s": a.particles * a.steps / loop, "setup_s": setup, "loop_s": loop,
        "share_forward": fwd / loop, "share_divergence": (run.net_s - fwd) / loop,
        "share_target": run.target_s / loop, "share_resampling": run.resample_s / loop,
        "share_host": (loop - run.net_s - run.target_s - run.resample_s) / loop,
        "target_evaluations": run.target_evaluations, "model_evaluations": run.model_evaluations,
        "torch_version": torch.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
