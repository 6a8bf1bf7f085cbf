"""PyTorch twin of one full PITA optimiser step (score and energy nets, one Adam, EMA), for a speed comparison.

Optional developer tool: nothing in PITA-J's build, tests or product runs it. On Debian (torch 1.13 with functorch):
    apt-get install python3-torch libopenblas0-pthread   # without OpenBLAS torch uses the reference BLAS, 3-4x slower
    bench/torch-env /usr/bin/python3 bench/pytorch_pita_step.py --arch egnn --system lj13 --batch 512 --threads 2
    bench/torch-env /usr/bin/python3 bench/pytorch_pita_step.py --arch dit --system aldp --batch 64 --threads 2
    bench/torch-env /usr/bin/python3 bench/pytorch_pita_step.py --arch dit --system aldp --check   # float64 checks
The backbones (EGNN, DiT3D) are those of bench/pytorch_smc_step.py, imported from it, at its default sizes: LJ-13 = EGNN
3 layers x 32 on 13 particles, beta-conditioned (beta = 1); ALDP = DiT 6 blocks x 192, 6 heads, cond 64 on 22 atoms, not
beta-conditioned, dropout 0.1 active (training mode) in every network call of the step.

A step (spec section 1.4, what PITA-J's PitaLoss + trainer do), float32, for a score net theta and an energy net phi
(phi starts as a deep copy of theta, as in the reference), both trained by one torch.optim.Adam (lr 1e-3, betas
(0.9, 0.999), eps 1e-8, foreach implementation):
 1. B indices uniformly with replacement into a buffer of 1024 samples (x0 [n, 3], force, E/kT). The benchmark buffer is
    random: x0 ~ N(0, 1) mean-free per sample, force = -x0, E/kT = |x0|^2 / 2.
 2. Per sample, drawn in torch inside the step: a Haar-random rotation (unit quaternion from 4 Gaussians) applied to x0
    and its force, x0 made mean-free; ln sigma ~ N(-1.2, 1.2^2), h = sigma^2; eps ~ N(0, I) mean-free;
    x_t = x0 + sigma eps.
 3. EDM preconditioning (sigma_data = 1): c_skip = 1/(1+h), c_in = 1/sqrt(1+h), c_out = sqrt(h)/sqrt(1+h),
    c_noise = ln(sigma)/4.
    D_theta = c_skip x_t + c_out F_theta(c_noise, c_in x_t, beta)
    U_phi(x, h) = |x|^2/(2(1+h)) - (1/sigma) <F_phi(c_noise, c_in x, beta), c_in x>
    D_phi = x_t - h grad_x U_phi(x_t), grad_x U built with create_graph=True (distillation gradient: second order).
 4. Losses (per-sample sums over coordinates, batch means), lambda = (h+1)/h:
    score           = mean(lambda |D_theta - x0|^2 [h >= sigma_min^2])
    energy_score    = mean(lambda |D_phi - stopgrad(D_theta)|^2)
    energy_matching = mean((U_phi(x0, h = sigma_min^2) - E/kT)^2 [E/kT <= 1000])
    target_score    (ALDP only, weight 0.01) = sum_selected |x_t + h f_clip - D_theta|^2 / max(1, #selected), selected =
                    sigma < sigma(t = 0.2), f_clip = force norm-clipped to 1000 per atom
    total = score + energy_score + energy_matching (+ 0.01 target_score)
 5. loss.backward(); clip_grad_norm_(all parameters, 0.5); Adam step; zero_grad(set_to_none=True); EMA of both nets,
    ema <- d ema + (1-d) p with d = min(0.999, (1+n)/(10+n)), n = updates including this one (torch._foreach_mul_/add_).
DiT init: PyTorch defaults, then (--init reference, the default) the adaLN modulations and the final layer zeroed as in
the reference and PITA-J; --check keeps them random so that every weight is reached. The JSON line reports the median
step time over --steps timed steps (after --warmup untimed ones); first_loss is the loss of the very first step,
last_loss that of the last one. (The loss jumps after step 1: Adam moves every weight by ~lr at once, and the pinning
term scales F by 1/sigma_min = 20 (LJ-13) / 100 (ALDP).)
--check (float64, batch 3, fixed dropout masks via a re-seeded generator) verifies (a) the double-backprop gradient of
energy_score w.r.t. one energy-net weight tensor against central finite differences (one random direction and the three
largest entries), (b) that energy_score gives the score net no gradient (stop-grad), (c) that the EMA's first decay is
2/11 (second 3/12) and its result is d p_init + (1-d) p_after_step; for the DiT also that dropout is really drawn.
"""
import argparse
import copy
import json
import math
import os
import resource
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pytorch_smc_step as smc  # noqa: E402

P_MEAN, P_STD = -1.2, 1.2  # EDM log-normal training noise levels
BUFFER, ENERGY_LIMIT, FORCE_CLIP, TARGET_T = 1024, 1000.0, 1000.0, 0.2
WEIGHTS = {"lj13": dict(score=1.0, energy_score=1.0, energy_matching=1.0, target_score=0.0),
           "aldp": dict(score=1.0, energy_score=1.0, energy_matching=1.0, target_score=0.01)}
DIT_DROPOUT = 0.1
log = smc.log


def sigma_of_t(t, sigma_min):
    a = smc.SIGMA_MAX ** (1.0 / smc.RHO)
    b = sigma_min ** (1.0 / smc.RHO) - a
    return (a + (1.0 - t) * b) ** smc.RHO


def build(a, dtype, zero_init):
    """Score net (seeded random init; with zero_init the DiT's adaLN modulations and output layer are zeroed, as in the
    reference and PITA-J, so F = 0 at step 0) and the energy net as its deep copy, both in training mode."""
    sysd = smc.SYSTEMS[a.system]
    n = sysd["n"]
    torch.manual_seed(a.seed * 1000 + 17)
    if a.arch == "egnn":
        net = smc.EGNN(n, beta_cond=sysd["beta_cond"])
    else:
        net = smc.DiT3D(n, beta_cond=sysd["beta_cond"], dropout=DIT_DROPOUT)
        if zero_init:
            for lin in [blk.ada for blk in net.blocks] + [net.final_ada, net.final]:
                torch.nn.init.zeros_(lin.weight)
                torch.nn.init.zeros_(lin.bias)
    score = net.to(dtype).train()
    return score, copy.deepcopy(score), n, sysd["sigma_min"]


def make_buffer(n, seed, dtype):
    g = torch.Generator().manual_seed(seed)
    x0 = torch.randn(BUFFER, n, 3, generator=g, dtype=torch.float64)
    x0 = x0 - x0.mean(1, keepdim=True)
    return x0.to(dtype), (-x0).to(dtype), (0.5 * (x0 * x0).sum((1, 2))).to(dtype)


def haar_rotations(B, dtype):
    """[B, 3, 3] rotation matrices of uniformly random unit quaternions (w, x, y, z) = Haar measure on SO(3)."""
    q = torch.randn(B, 4, dtype=dtype)
    w, x, y, z = (q / q.norm(dim=1, keepdim=True)).unbind(1)
    return torch.stack([1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
                        2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
                        2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)], 1).view(B, 3, 3)


def per_sample(v):
    return v[:, None, None]


def sq(d):
    return (d * d).sum((1, 2))


class PitaStep:
    def __init__(self, score, energy, n, sigma_min, weights, buffer):
        self.fs, self.fe, self.n, self.sigma_min, self.w = score, energy, n, sigma_min, weights
        self.x0, self.force, self.energy_kT = buffer
        self.dtype = self.x0.dtype
        self.score_params, self.energy_params = list(score.parameters()), list(energy.parameters())
        self.params = self.score_params + self.energy_params
        self.opt = torch.optim.Adam(self.params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, foreach=True)
        self.ema = [p.detach().clone() for p in self.params]
        self.updates, self.last_decay = 0, None
        self.h_min = sigma_min * sigma_min
        self.sigma_select = sigma_of_t(TARGET_T, sigma_min)

    def draw(self, B):
        """Batch from the buffer, augmented, with the per-sample noise draws (all torch, default generator)."""
        idx = torch.randint(0, self.x0.shape[0], (B,))
        R = haar_rotations(B, self.dtype).transpose(1, 2)  # row vectors: x R^T
        x0 = torch.bmm(self.x0[idx], R)
        x0 = x0 - x0.mean(1, keepdim=True)
        force = torch.bmm(self.force[idx], R)
        log_sigma = P_MEAN + P_STD * torch.randn(B, dtype=self.dtype)
        eps = torch.randn(B, self.n, 3, dtype=self.dtype)
        eps = eps - eps.mean(1, keepdim=True)
        beta = torch.ones(B, dtype=self.dtype)
        return x0, force, self.energy_kT[idx], log_sigma, eps, beta

    def energy(self, x, h, beta):
        sigma, c_in = torch.sqrt(h), torch.rsqrt(1.0 + h)
        y = per_sample(c_in) * x
        Fp = self.fe(torch.log(h) / 8.0, y, beta)
        return sq(x) / (2.0 * (1.0 + h)) - (Fp * y).sum((1, 2)) / sigma

    def losses(self, x0, force, e_kT, log_sigma, eps, beta):
        sigma, h = torch.exp(log_sigma), torch.exp(2.0 * log_sigma)
        xt = x0 + per_sample(sigma) * eps
        c_skip, c_in = 1.0 / (1.0 + h), torch.rsqrt(1.0 + h)
        c_out, c_noise = sigma * c_in, log_sigma / 4.0
        lam = (h + 1.0) / h
        zero = torch.zeros_like(h)
        D_theta = per_sample(c_skip) * xt + per_sample(c_out) * self.fs(c_noise, per_sample(c_in) * xt, beta)
        terms = {"score": torch.where(h >= self.h_min, lam * sq(D_theta - x0), zero).mean()}
        xg = xt.detach().requires_grad_(True)  # own leaf: the score net's graph does not reach back into it
        (gx,) = torch.autograd.grad(self.energy(xg, h, beta).sum(), xg, create_graph=True)
        D_phi = xg - per_sample(h) * gx
        terms["energy_score"] = (lam * sq(D_phi - D_theta.detach())).mean()
        U0 = self.energy(x0, torch.full_like(h, self.h_min), beta)
        terms["energy_matching"] = torch.where(e_kT <= ENERGY_LIMIT, (U0 - e_kT) ** 2, zero).mean()
        if self.w["target_score"] > 0:
            f = force * torch.clamp(FORCE_CLIP / (force.norm(dim=-1, keepdim=True) + 1e-6), max=1.0)
            selected = sigma < self.sigma_select
            per = torch.where(selected, sq(xt + per_sample(h) * f - D_theta), zero)
            terms["target_score"] = per.sum() / selected.sum().clamp(min=1)
        total = sum(self.w[k] * v for k, v in terms.items())
        return total, terms

    @torch.no_grad()
    def update_ema(self):
        self.updates += 1
        d = min(0.999, (1.0 + self.updates) / (10.0 + self.updates))
        torch._foreach_mul_(self.ema, d)
        torch._foreach_add_(self.ema, self.params, alpha=1.0 - d)
        self.last_decay = d

    def step(self, B, batch=None):
        loss, _ = self.losses(*(batch if batch is not None else self.draw(B)))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.params, 0.5)
        self.opt.step()
        self.opt.zero_grad(set_to_none=True)
        self.update_ema()
        return loss.item()


# ----------------------------------------------------------------------------------------------------------------------
def check(a):
    dt = torch.float64
    torch.set_default_dtype(dt)
    score, energy, n, smin = build(a, dt, zero_init=False)  # F != 0, so every DiT weight gets a gradient
    st = PitaStep(score, energy, n, smin, WEIGHTS[a.system], make_buffer(n, a.seed, dt))
    B = a.batch or 3
    torch.manual_seed(a.seed + 1)
    x0, force, e_kT, log_sigma, eps, beta = st.draw(B)
    log_sigma = torch.linspace(-3.2, 0.8, B)  # spans the score mask (lj13), the target-score selection and sigma > 1
    batch = (x0, force, e_kT, log_sigma, eps, beta)
    DROP_SEED = 12345  # same dropout masks in every evaluation (DiT); the EGNN draws nothing

    def energy_score():
        torch.manual_seed(DROP_SEED)
        return st.losses(*batch)[1]["energy_score"]

    name = "layers.1.edge2.weight" if a.arch == "egnn" else "blocks.2.fc1.weight"
    P = dict(energy.named_parameters())[name]
    res, ok = {}, True
    for p in st.params:
        p.grad = None
    energy_score().backward()
    g = P.grad.detach().clone()
    # (b) stop-grad: no score-net parameter is reached by the distillation term
    leak = max((p.grad.abs().max().item() if p.grad is not None else 0.0) for p in st.score_params)
    reached = sum(p.grad is not None for p in st.score_params)
    res["score_net_grad_from_energy_score"] = {"max_abs": leak, "tensors_reached": reached, "ok": leak == 0.0}
    ok &= leak == 0.0
    # (a) double backprop vs central differences of the loss value
    base, e = P.detach().clone(), 1e-5

    def fd(u):
        with torch.no_grad():
            P.copy_(base + e * u)
        lp = energy_score().item()
        with torch.no_grad():
            P.copy_(base - e * u)
        lm = energy_score().item()
        with torch.no_grad():
            P.copy_(base)
        return (lp - lm) / (2 * e)

    u = torch.randn(P.shape, generator=torch.Generator().manual_seed(3))
    ad, num = (g * u).sum().item(), fd(u)
    rel = abs(ad - num) / abs(num)
    res["distillation_grad_directional"] = {"param": "energy." + name, "autograd": ad, "fd": num, "rel": rel,
                                            "ok": rel <= 1e-6}
    ok &= rel <= 1e-6
    top = torch.topk(g.abs().flatten(), 3).indices
    worst = 0.0
    for k in top.tolist():
        onehot = torch.zeros(P.numel())
        onehot[k] = 1.0
        num_k = fd(onehot.view(P.shape))
        worst = max(worst, abs(g.flatten()[k].item() - num_k) / abs(num_k))
    res["distillation_grad_top3_entries"] = {"max_rel": worst, "ok": worst <= 1e-6}
    ok &= worst <= 1e-6
    if a.arch == "dit":  # the masks are really drawn: another seed gives another loss, the same seed the same one
        l1, l1b = energy_score().item(), energy_score().item()
        torch.manual_seed(DROP_SEED + 1)
        l2 = st.losses(*batch)[1]["energy_score"].item()
        res["dropout_active"] = {"same_seed_equal": l1 == l1b, "other_seed_differs": l1 != l2, "ok": l1 == l1b != l2}
        ok &= l1 == l1b != l2
    # (c) EMA: first decay 2/11, ema = d p_init + (1-d) p_new; second decay 3/12
    for p in st.params:
        p.grad = None
    init = [p.detach().clone() for p in st.params]
    loss1 = st.step(B, batch)
    d1 = st.last_decay
    err = max((m - (d1 * p0 + (1 - d1) * p.detach())).abs().max().item() for m, p0, p in zip(st.ema, init, st.params))
    moved = max((p.detach() - p0).abs().max().item() for p0, p in zip(init, st.params))
    st.step(B)
    d2 = st.last_decay
    good = d1 == 2.0 / 11.0 and d2 == 3.0 / 12.0 and err <= 1e-13 and moved > 0 and math.isfinite(loss1)
    res["ema"] = {"first_decay": d1, "second_decay": d2, "max_abs_err": err, "params_moved": moved,
                  "first_step_loss": loss1, "ok": good}
    ok &= good
    print(json.dumps({"check": "pass" if ok else "FAIL", "arch": a.arch, "system": a.system, "batch": B,
                      "dtype": "float64", "dropout": DIT_DROPOUT if a.arch == "dit" else 0.0, "results": res}))
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arch", choices=["egnn", "dit"], default="egnn")
    p.add_argument("--system", choices=list(smc.SYSTEMS), default=None)
    p.add_argument("--batch", type=int, default=None)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--init", choices=["reference", "random"], default="reference",
                   help="DiT: zero adaLN/output layers as the reference (default) or keep PyTorch's default init")
    p.add_argument("--check", action="store_true", help="float64 correctness checks at a small batch (default 3)")
    a = p.parse_args()
    a.system = a.system or ("lj13" if a.arch == "egnn" else "aldp")
    torch.set_num_threads(a.threads)
    if a.check:
        return check(a)
    a.batch = a.batch or (512 if a.arch == "egnn" else 64)
    score, energy, n, smin = build(a, torch.float32, zero_init=a.init == "reference")
    st = PitaStep(score, energy, n, smin, WEIGHTS[a.system], make_buffer(n, a.seed, torch.float32))
    npar = sum(p.numel() for p in st.params)
    log("%s/%s: %d parameters (both nets), batch %d, %d threads" % (a.arch, a.system, npar, a.batch, a.threads))
    torch.manual_seed(a.seed + 1)
    losses, times = [], []
    for i in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        losses.append(st.step(a.batch))
        ms = (time.perf_counter() - t0) * 1e3
        if i >= a.warmup:
            times.append(ms)
        log("%s step %d: %.2f ms, loss %.4f" % ("warmup" if i < a.warmup else "timed", i + 1, ms, losses[-1]))
    print(json.dumps({"system": a.system, "arch": a.arch, "batch": a.batch, "threads": a.threads, "parameters": npar,
                      "ms_per_step": round(statistics.median(times), 3) if times else None,
                      "first_loss": losses[0], "last_loss": losses[-1],
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
                      "torch": torch.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
