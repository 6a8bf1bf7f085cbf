"""PyTorch twin of one Feynman-Kac SMC step of PITA's score and energy networks, for a speed comparison on the same machine.

Optional developer tool: nothing in PITA-J's build, tests or product runs it. On Debian (torch 1.13 with functorch):
    apt-get install python3-torch libopenblas0-pthread   # without OpenBLAS torch uses the reference BLAS, 3-4x slower
    bench/torch-env /usr/bin/python3 bench/pytorch_smc_step.py --arch egnn --system lj13 --batch 512 --threads 2
    bench/torch-env /usr/bin/python3 bench/pytorch_smc_step.py --arch dit --system aldp --batch 64 --threads 2
    /usr/bin/python3 bench/pytorch_smc_step.py --arch egnn --system lj13 --check      # float64 correctness checks

A step (spec section 1.8.3), per particle, for a score net theta and an energy net phi (same backbone architecture,
independent random weights, float32):
    s = (D_theta - x)/h,  D_theta = c_skip x + c_out F_theta(c_noise, c_in x, beta)
    div s = tr(ds/dx) exactly over all 3n coordinates
    U = |x|^2/(2(1+h)) - (1/sigma) <F_phi(c_noise, c_in x, beta), c_in x>,  grad_x U and dU/dt from one autograd.grad
with the EDM VE schedule h(t) = (a + (1-t) b)^(2 rho) computed from the leaf t inside the graph.

The exact divergence is always computed through the identity
    div_x s = -3n/(1+h) + (c_out c_in / h) div_y F_theta(y),  y = c_in x
(c_out c_in / h = c_in^2 / sigma), i.e. every method differentiates only the backbone with respect to its input y; this
saves the trivial c_in / skip terms in each of the 3n backward passes. --check verifies the identity and every method
against a brute-force per-sample Jacobian of s(x) written directly from the definition above.

Methods for div_y F (each timed as a full step, energy part included; auto times all and reports the fastest):
    loop    one forward, then 3n torch.autograd.grad calls with one-hot cotangents and retain_graph
    vmap    one functorch.vjp forward, then functorch.vmap of the vjp function over chunks of one-hot cotangents
    jacrev  functorch.vmap(functorch.jacrev(per-sample backbone)) -> [N, 3n, 3n], trace
    copies  the batch repeated c times (c one-hot coordinates per chunk), one forward + one backward per chunk
    jvp     (extra, forward mode) functorch.vmap over chunks of one-hot tangents of functorch.jvp
Hutchinson replaces the exact divergence by v^T (ds/dx) v with one VJP (cotangent v, Rademacher).
"""
import argparse
import json
import math
import os
import resource
import statistics
import sys
import time

import functorch
import torch
import torch.nn as nn
import torch.nn.functional as F

RHO, SIGMA_MAX = 7.0, 80.0
SYSTEMS = {"lj13": dict(n=13, sigma_min=0.05, beta_cond=True), "aldp": dict(n=22, sigma_min=0.01, beta_cond=False)}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------------------------------------------------
# Schedule and preconditioning (spec 1.2, 1.3), sigma_data = 1. Everything is a differentiable function of t.
# ----------------------------------------------------------------------------------------------------------------------
def coeffs(t, sigma_min):
    a = SIGMA_MAX ** (1.0 / RHO)
    b = sigma_min ** (1.0 / RHO) - a
    h = (a + (1.0 - t) * b) ** (2.0 * RHO)
    sigma = torch.sqrt(h)
    c_skip = 1.0 / (1.0 + h)
    c_in = (1.0 + h) ** -0.5
    c_out = sigma * c_in
    c_noise = torch.log(h) / 8.0
    return h, sigma, c_skip, c_in, c_out, c_noise


# ----------------------------------------------------------------------------------------------------------------------
# EGNN (spec 2.1). Dense per-sample layout [B, n, n-1, C] for the n(n-1) ordered pairs, no index lists and no in-place
# scatter (so functorch.vmap / jacrev work): every node receives exactly n-1 messages, so the sum aggregation is a
# reshape-and-sum over the pair axis.
# ----------------------------------------------------------------------------------------------------------------------
def lin(mod, x):
    """nn.Linear on an [..., C] tensor as one addmm (torch 1.13's F.linear on >2-D inputs does mm + a separate add)."""
    y = F.linear(x.reshape(-1, x.shape[-1]), mod.weight, mod.bias)
    return y.view(*x.shape[:-1], y.shape[-1])


def offdiag(T):
    """[B, n, n, C] -> [B, n, n-1, C]: row i keeps the entries j != i, in order (pure slicing, one copy)."""
    B, n, _, C = T.shape
    return T.reshape(B, n * n, C)[:, 1:].reshape(B, n - 1, n + 1, C)[:, :, :n].reshape(B, n, n - 1, C)


class EGCL(nn.Module):
    def __init__(self, hidden, coords_factor):
        super().__init__()
        self.edge1 = nn.Linear(2 * hidden + 2, hidden)  # [h_i, h_j, r_ij, e_ij]
        self.edge2 = nn.Linear(hidden, hidden)
        self.att = nn.Linear(hidden, 1)
        self.coord1 = nn.Linear(hidden, hidden)
        self.coord_w = nn.Linear(hidden, 1, bias=False)
        torch.nn.init.xavier_uniform_(self.coord_w.weight, gain=0.001)
        self.node1 = nn.Linear(2 * hidden, hidden)
        self.node2 = nn.Linear(hidden, hidden)
        self.hidden = hidden
        self.coords_factor = coords_factor

    def forward(self, h, y, e, mask):
        # h [B, n, H], y [B, n, 3], e [B, n, P, 1] (P = n-1 pairs per row, or n with a diagonal mask)
        H = self.hidden
        dense = y[:, :, None, :] - y[:, None, :, :]  # d_ij = y_i - y_j
        d = dense if mask is not None else offdiag(dense)
        r = (d * d).sum(-1, keepdim=True)
        nrm = d / (torch.sqrt(r + 1e-8) + 1.0)
        W = self.edge1.weight
        # Linear(66->32)([h_i, h_j, r, e]) split by input block (same function, summed in a different order).
        hi = F.linear(h, W[:, :H], self.edge1.bias)
        hj = F.linear(h, W[:, H:2 * H])
        pre = hi[:, :, None, :] + hj[:, None, :, :]
        if mask is None:
            pre = offdiag(pre)
        pre = pre + r * W[:, 2 * H] + e * W[:, 2 * H + 1]
        m = F.silu(lin(self.edge2, F.silu(pre)))
        gate = torch.sigmoid(lin(self.att, m))
        if mask is not None:
            gate = gate * mask  # zero the i == j messages (their coordinate term is already 0 since d_ii = 0)
        m = m * gate
        g = torch.tanh(lin(self.coord_w, F.silu(lin(self.coord1, m))))
        y = y + (nrm * (self.coords_factor * g)).sum(2)
        agg = m.sum(2)
        h = h + self.node2(F.silu(self.node1(torch.cat([h, agg], dim=-1))))
        return h, y


class EGNN(nn.Module):
    def __init__(self, n, hidden=32, layers=3, beta_cond=True, edges="offdiag"):
        super().__init__()
        self.n, self.beta_cond, self.edges = n, beta_cond, edges
        # Node features [c_noise, beta], identical for every node. This deliberately differs from the reference, whose
        # torch.cat of two [B, n] tensors along the last axis followed by a reshape mixes c_noise and beta across nodes.
        self.embedding = nn.Linear(2 if beta_cond else 1, hidden)
        self.layers = nn.ModuleList([EGCL(hidden, 15.0 / layers) for _ in range(layers)])
        # The reference's final Linear(32 -> in_node_nf) on h is unused for the vector field and omitted here.
        if edges == "masked":
            self.register_buffer("mask", (1.0 - torch.eye(n))[:, :, None])
        else:
            self.mask = None

    def forward(self, c_noise, y, beta):
        B, n = y.shape[0], self.n
        feats = torch.stack([c_noise, beta], -1) if self.beta_cond else c_noise[:, None]
        h = self.embedding(feats)[:, None, :].expand(B, n, -1)
        mask = self.mask.to(y.dtype) if self.mask is not None else None
        dense = y[:, :, None, :] - y[:, None, :, :]
        e = (dense * dense).sum(-1, keepdim=True)
        if mask is None:
            e = offdiag(e)
        yy = y
        for layer in self.layers:
            h, yy = layer(h, yy, e, mask)
        out = yy - y
        return out - out.mean(1, keepdim=True)


# ----------------------------------------------------------------------------------------------------------------------
# DiT3D (spec 2.2)
# ----------------------------------------------------------------------------------------------------------------------
class TimestepEmbedder(nn.Module):
    def __init__(self, cond, freq=256):
        super().__init__()
        self.fc1 = nn.Linear(freq, cond)
        self.fc2 = nn.Linear(cond, cond)
        half = freq // 2
        self.register_buffer("freqs", torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float64) / half))

    def forward(self, t):
        args = t[:, None] * self.freqs.to(t.dtype)[None]
        emb = torch.cat([torch.cos(args), torch.sin(args)], dim=-1)
        return self.fc2(F.silu(self.fc1(emb)))


def layer_norm(x, weight):
    return F.layer_norm(x, (x.shape[-1],), weight, None, 1e-5)  # weight only, no bias


class DiTBlock(nn.Module):
    def __init__(self, dim, heads, cond, mlp_ratio=4, dropout=0.0):
        super().__init__()
        self.heads = heads
        self.dropout = dropout  # on the attention and MLP outputs before their gates, as the reference (0 here: off)
        self.norm1 = nn.Parameter(torch.ones(dim))
        self.qkv = nn.Linear(dim, 3 * dim, bias=False)
        self.out = nn.Linear(dim, dim, bias=False)
        self.norm2 = nn.Parameter(torch.ones(dim))
        self.fc1 = nn.Linear(dim, mlp_ratio * dim)
        self.fc2 = nn.Linear(mlp_ratio * dim, dim)
        self.ada = nn.Linear(cond, 6 * dim)  # default init (the reference zero-initialises it)

    def forward(self, x, c, cos, sin):
        B, n, dim = x.shape
        H = self.heads
        Dh = dim // H
        shift_msa, scale_msa, gate_msa, shift_mlp, scale_mlp, gate_mlp = self.ada(c)[:, None].chunk(6, dim=2)
        xm = layer_norm(x, self.norm1) * (1 + scale_msa) + shift_msa
        qkv = self.qkv(xm).view(B, n, 3, H, Dh)  # "b s (three h d) -> b s three h d"
        q, k, v = qkv[:, :, 0], qkv[:, :, 1], qkv[:, :, 2]
        q, k = rope(q, cos, sin), rope(k, cos, sin)
        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)  # [B, H, n, Dh]
        att = torch.softmax(torch.matmul(q, k.transpose(-2, -1)) * (1.0 / math.sqrt(Dh)), dim=-1)
        a = torch.matmul(att, v).transpose(1, 2).reshape(B, n, dim)
        x = x + gate_msa * self.drop(self.out(a))
        xm = layer_norm(x, self.norm2) * (1 + scale_mlp) + shift_mlp
        x = x + gate_mlp * self.drop(self.fc2(F.gelu(self.fc1(xm), approximate="tanh")))
        return x

    def drop(self, x):
        """The reference's bias_dropout_add_scale: residual + gate * F.dropout(out, p, training); identity when p = 0."""
        return F.dropout(x, self.dropout, self.training) if self.dropout > 0 else x


def rope(x, cos, sin):
    """torchtune RotaryPositionalEmbeddings: channel pairs (2i, 2i+1) rotated by p * theta_i. x [B, n, H, Dh]."""
    xs = x.reshape(*x.shape[:-1], -1, 2)
    x0, x1 = xs[..., 0], xs[..., 1]
    c, s = cos[None, :, None, :], sin[None, :, None, :]
    return torch.stack([x0 * c - x1 * s, x1 * c + x0 * s], -1).flatten(-2)


class DiT3D(nn.Module):
    def __init__(self, n, hidden=192, blocks=6, heads=6, cond=64, beta_cond=False, dropout=0.0):
        super().__init__()
        self.n, self.beta_cond = n, beta_cond
        self.embed = nn.Linear(3, hidden)
        self.sigma_map = TimestepEmbedder(cond)
        self.sigma_map_temp = TimestepEmbedder(cond) if beta_cond else None
        self.blocks = nn.ModuleList([DiTBlock(hidden, heads, cond, dropout=dropout) for _ in range(blocks)])
        self.final_norm = nn.Parameter(torch.ones(hidden))
        self.final_ada = nn.Linear(cond, 2 * hidden)  # default init (zero in the reference)
        self.final = nn.Linear(hidden, 3)  # default init (zero in the reference)
        dh = hidden // heads
        theta = 10000.0 ** (-torch.arange(0, dh, 2, dtype=torch.float64)[: dh // 2] / dh)
        ang = torch.arange(n, dtype=torch.float64)[:, None] * theta[None, :]
        self.register_buffer("cos", torch.cos(ang))  # cast with the module (.to(dtype))
        self.register_buffer("sin", torch.sin(ang))

    def forward(self, c_noise, y, beta):
        x = self.embed(y)
        e = self.sigma_map(c_noise)
        if self.beta_cond:
            e = e + self.sigma_map_temp(beta)
        c = F.silu(e)
        for blk in self.blocks:
            x = blk(x, c, self.cos, self.sin)
        shift, scale = self.final_ada(c)[:, None].chunk(2, dim=2)
        return self.final(layer_norm(x, self.final_norm) * (1 + scale) + shift)


# ----------------------------------------------------------------------------------------------------------------------
# The step
# ----------------------------------------------------------------------------------------------------------------------
class Step:
    def __init__(self, score_net, energy_net, n, sigma_min, max_rows):
        self.fs, self.fe, self.n, self.D, self.sigma_min, self.max_rows = score_net, energy_net, n, 3 * n, sigma_min, max_rows
        self._onehot = {}

    def onehot(self, B, like):
        """E[k] = cotangent with ones at flat coordinate k for every sample, shape [D, B, n, 3]."""
        key = (B, like.dtype)
        if key not in self._onehot:
            E = torch.eye(self.D, dtype=like.dtype)[:, None, :].expand(self.D, B, self.D)
            self._onehot[key] = E.reshape(self.D, B, self.n, 3).contiguous()
        return self._onehot[key]

    # ---- energy: U, grad_x U, dU/dt from one autograd.grad over the graph that contains h(t) -----------------------
    def energy_value(self, x, t, beta):
        h, sigma, c_skip, c_in, c_out, c_noise = coeffs(t, self.sigma_min)
        y = c_in[:, None, None] * x
        Fp = self.fe(c_noise, y, beta)
        return (x * x).sum((1, 2)) / (2.0 * (1.0 + h)) - (Fp * y).sum((1, 2)) / sigma

    def energy(self, x, t, beta):
        U = self.energy_value(x, t, beta)
        gx, gt = torch.autograd.grad(U.sum(), (x, t))
        return U.detach(), gx, gt

    # ---- score: s and the ingredients of the identity (coefficients from t detached: s needs no t-derivative) -------
    def score_parts(self, x, t):
        h, sigma, c_skip, c_in, c_out, c_noise = coeffs(t.detach(), self.sigma_min)
        y = (c_in[:, None, None] * x.detach()).contiguous()
        return h, sigma, c_in, c_noise, y

    def finish_score(self, x, h, sigma, c_in, Fy, divF):
        s = -x.detach() / (1.0 + h)[:, None, None] + (c_in / sigma)[:, None, None] * Fy.detach()
        div = -self.D / (1.0 + h) + (c_in * c_in / sigma) * divF
        return s, div

    # ---- div_y F methods: each returns (F(y), div_y F) per sample ----------------------------------------------------
    def div_loop(self, y0, cn, beta, chunk=None):
        y = y0.detach().requires_grad_(True)
        Fy = self.fs(cn, y, beta)
        E = self.onehot(y.shape[0], y)
        div = torch.zeros(y.shape[0], dtype=y.dtype)
        for k in range(self.D):
            (g,) = torch.autograd.grad(Fy, y, E[k], retain_graph=k < self.D - 1)
            div = div + g.reshape(-1, self.D)[:, k]
        return Fy, div

    def div_vmap(self, y0, cn, beta, chunk):
        Fy, vjp_fn = functorch.vjp(lambda y: self.fs(cn, y, beta), y0.detach())
        E = self.onehot(y0.shape[0], y0)
        div = 0.0
        for k0 in range(0, self.D, chunk):
            c = min(chunk, self.D - k0)
            (g,) = functorch.vmap(vjp_fn)(E[k0:k0 + c])  # [c, B, n, 3]
            div = div + g.reshape(c, -1, self.D)[:, :, k0:k0 + c].diagonal(0, 0, 2).sum(-1)
        return Fy, div

    def div_jacrev(self, y0, cn, beta, chunk=None):
        def f1(y1, cn1, b1):
            out = self.fs(cn1[None], y1[None], b1[None])[0]
            return out, out

        J, Fy = functorch.vmap(functorch.jacrev(f1, has_aux=True))(y0.detach(), cn, beta)  # J [B, n, 3, n, 3]
        B = y0.shape[0]
        return Fy, J.reshape(B, self.D, self.D).diagonal(0, 1, 2).sum(-1)

    def div_copies(self, y0, cn, beta, chunk):
        B = y0.shape[0]
        E = self.onehot(B, y0)
        div, Fy = 0.0, None
        for k0 in range(0, self.D, chunk):
            c = min(chunk, self.D - k0)
            Y = y0.detach()[None].expand(c, *y0.shape).reshape(c * B, self.n, 3).requires_grad_(True)
            Fc = self.fs(cn.repeat(c), Y, beta.repeat(c))
            if Fy is None:
                Fy = Fc[:B]
            (g,) = torch.autograd.grad(Fc, Y, E[k0:k0 + c].reshape(c * B, self.n, 3))
            div = div + g.reshape(c, B, self.D)[:, :, k0:k0 + c].diagonal(0, 0, 2).sum(-1)
        return Fy, div

    def div_jvp(self, y0, cn, beta, chunk):
        y0 = y0.detach()
        f = lambda y: self.fs(cn, y, beta)  # noqa: E731
        E = self.onehot(y0.shape[0], y0)
        Fy = None
        div = 0.0
        for k0 in range(0, self.D, chunk):
            c = min(chunk, self.D - k0)
            out, tang = functorch.vmap(lambda v: functorch.jvp(f, (y0,), (v,)))(E[k0:k0 + c])
            if Fy is None:
                Fy = out[0]
            div = div + tang.reshape(c, -1, self.D)[:, :, k0:k0 + c].diagonal(0, 0, 2).sum(-1)
        return Fy, div

    def exact(self, method, chunk, x, t, beta):
        h, sigma, c_in, cn, y0 = self.score_parts(x, t)
        Fy, divF = getattr(self, "div_" + method)(y0, cn, beta.detach(), chunk)
        s, div = self.finish_score(x, h, sigma, c_in, Fy, divF)
        U, gx, gt = self.energy(x, t, beta)
        return s, div, U, gx, gt

    def hutchinson(self, x, t, beta, v):
        h, sigma, c_in, cn, y0 = self.score_parts(x, t)
        y = y0.requires_grad_(True)
        Fy = self.fs(cn, y, beta.detach())
        (g,) = torch.autograd.grad(Fy, y, v)
        vJv = (g * v).sum((1, 2))
        s = -x.detach() / (1.0 + h)[:, None, None] + (c_in / sigma)[:, None, None] * Fy.detach()
        est = -(v * v).sum((1, 2)) / (1.0 + h) + (c_in * c_in / sigma) * vJv
        U, gx, gt = self.energy(x, t, beta)
        return s, est, U, gx, gt

    def forward_only(self, x, t, beta):
        with torch.no_grad():
            h, sigma, c_skip, c_in, c_out, c_noise = coeffs(t, self.sigma_min)
            y = c_in[:, None, None] * x
            D_theta = c_skip[:, None, None] * x + c_out[:, None, None] * self.fs(c_noise, y, beta)
            s = (D_theta - x) / h[:, None, None]
            Fp = self.fe(c_noise, y, beta)
            U = (x * x).sum((1, 2)) / (2.0 * (1.0 + h)) - (Fp * y).sum((1, 2)) / sigma
        return s, U

    def variants(self, B, only=None, chunks=None):
        """(name, method, chunk) to time. vmap/jvp/copies chunks are D, D/2, D/3 (ceil); copies is capped to max_rows."""
        D = self.D
        base = chunks or sorted({-(-D // k) for k in (1, 2, 3)}, reverse=True)
        out = [("loop", "loop", None)]
        out += [("vmap:chunk=%d" % c, "vmap", c) for c in base]
        out.append(("jacrev", "jacrev", None))
        cc = chunks or sorted({c for c in [max(1, min(D, self.max_rows // B))] + [max(1, min(D, self.max_rows // B) // 2)]},
                              reverse=True)
        out += [("copies:chunk=%d" % c, "copies", c) for c in cc]
        out += [("jvp:chunk=%d" % c, "jvp", c) for c in base]
        if only and only != "auto":
            out = [v for v in out if v[1] == only]
        return out


# ----------------------------------------------------------------------------------------------------------------------
def build(a, dtype):
    sysd = SYSTEMS[a.system]
    n = sysd["n"]
    nets = []
    for k in range(2):  # independent random weights for theta and phi
        torch.manual_seed(a.seed * 1000 + 17 + k)
        if a.arch == "egnn":
            net = EGNN(n, hidden=a.hidden or 32, layers=a.layers or 3, beta_cond=sysd["beta_cond"], edges=a.edges)
        else:
            net = DiT3D(n, hidden=a.hidden or 192, blocks=a.layers or 6, heads=a.heads or 6, cond=a.cond or 64,
                        beta_cond=sysd["beta_cond"])
        net = net.to(dtype).eval()
        for p in net.parameters():
            p.requires_grad_(False)  # only input derivatives are needed; weights are constants of the step
        nets.append(net)
    return nets, n, sysd["sigma_min"]


def inputs(B, n, seed, dtype):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, n, 3, generator=g, dtype=torch.float64)
    x = (x - x.mean(1, keepdim=True)).to(dtype)
    t = (0.05 + 0.9 * torch.rand(B, generator=g, dtype=torch.float64)).to(dtype)
    beta = torch.ones(B, dtype=dtype)
    v = (torch.randint(0, 2, (B, n, 3), generator=g) * 2 - 1).to(dtype)
    return x.requires_grad_(True), t.requires_grad_(True), beta, v


def timed(fn, warmup, reps):
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(ts)


def short(e):
    msg = (str(e).strip().splitlines() or [""])[0]
    return "failed: %s: %s" % (type(e).__name__, msg[:200])


def check(a):
    """float64: every exact method vs a brute-force per-sample Jacobian trace of s(x) written from the definition;
    Hutchinson vs v^T J v of the same Jacobian; dU/dt vs a central difference in t; grad_x U vs a directional one."""
    torch.set_default_dtype(torch.float64)
    dt = torch.float64
    (fs, fe), n, smin = build(a, dt)
    B = a.batch or 3
    st = Step(fs, fe, n, smin, a.max_rows)
    x, t, beta, v = inputs(B, n, a.seed, dt)
    D = 3 * n
    ok = True

    def s_direct(xb, tb, bb):  # s = (D_theta - x)/h exactly as defined, for one sample
        h, sigma, c_skip, c_in, c_out, c_noise = coeffs(tb[None], smin)
        Dth = c_skip * xb + c_out * fs(c_noise, c_in * xb[None], bb[None])[0]
        return ((Dth - xb) / h).reshape(D)

    J = torch.stack([torch.autograd.functional.jacobian(lambda xb: s_direct(xb, t[b].detach(), beta[b]), x[b].detach())
                     .reshape(D, D) for b in range(B)])
    ref = J.diagonal(0, 1, 2).sum(-1)
    s_ref = torch.stack([s_direct(x[b].detach(), t[b].detach(), beta[b]) for b in range(B)]).reshape(B, n, 3)
    h_ref = coeffs(t.detach(), smin)[0]
    ref_F = ref + D / (1.0 + h_ref)  # the backbone's share of div s (what the methods actually differentiate)
    log("brute-force div s:", ref.tolist(), "of which backbone part:", ref_F.tolist())
    res = {}
    for name, method, chunk in st.variants(B, chunks=[c for c in {D, -(-D // 2), 5, 1}]):
        try:
            s, div, U, gx, gt = st.exact(method, chunk, x, t, beta)
            rel = ((div - ref).abs() / ref.abs()).max().item()
            relF = ((div - ref).abs() / ref_F.abs()).max().item()
            srel = ((s - s_ref).abs().max() / s_ref.abs().max()).item()
            good = rel <= 1e-8 and relF <= 1e-8 and srel <= 1e-10
            res[name] = {"div_rel": rel, "div_rel_backbone_part": relF, "s_rel": srel, "ok": good}
            ok &= good
        except Exception as e:  # noqa: BLE001
            res[name] = short(e)
            log(name, res[name])
    s, est, U, gx, gt = st.hutchinson(x, t, beta, v)
    vf = v.reshape(B, D)
    hut_ref = torch.einsum("bi,bij,bj->b", vf, J, vf)
    hrel = ((est - hut_ref).abs() / hut_ref.abs()).max().item()
    res["hutchinson_vs_vJv"] = {"rel": hrel, "ok": hrel <= 1e-8}
    ok &= hrel <= 1e-8
    eps = 1e-6
    with torch.no_grad():
        fd_t = (st.energy_value(x, t + eps, beta) - st.energy_value(x, t - eps, beta)) / (2 * eps)
        u = torch.randn(B, n, 3, generator=torch.Generator().manual_seed(7), dtype=dt)
        fd_x = (st.energy_value(x + eps * u, t, beta) - st.energy_value(x - eps * u, t, beta)) / (2 * eps)
        fs_val, fU = st.forward_only(x, t, beta)
    trel = ((gt - fd_t).abs() / fd_t.abs()).max().item()
    xrel = (((gx * u).sum((1, 2)) - fd_x).abs() / fd_x.abs()).max().item()
    urel = ((fU - U).abs() / U.abs()).max().item()
    res["dU_dt_vs_central_fd"] = {"rel": trel, "ok": trel <= 1e-6}
    res["grad_x_U_vs_directional_fd"] = {"rel": xrel, "ok": xrel <= 1e-6}
    res["forward_vs_step_U"] = {"rel": urel, "ok": urel <= 1e-12}
    ok &= trel <= 1e-6 and xrel <= 1e-6 and urel <= 1e-12
    print(json.dumps({"check": "pass" if ok else "FAIL", "arch": a.arch, "system": a.system, "batch": B,
                      "dtype": "float64", "params_per_net": sum(p.numel() for p in fs.parameters()), "results": res}))
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arch", choices=["egnn", "dit"], default="egnn")
    p.add_argument("--system", choices=list(SYSTEMS), default=None)
    p.add_argument("--batch", type=int, default=None)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--method", choices=["auto", "loop", "vmap", "jacrev", "copies", "jvp"], default="auto")
    p.add_argument("--chunks", type=str, default=None, help="comma list of chunk sizes for vmap/copies/jvp")
    p.add_argument("--max-rows", type=int, default=None,
                   help="copies: cap chunk*batch (memory); default 4096 (egnn), 1024 (dit)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--hidden", type=int, default=None)
    p.add_argument("--layers", "--blocks", dest="layers", type=int, default=None)
    p.add_argument("--heads", type=int, default=None)
    p.add_argument("--cond", type=int, default=None)
    p.add_argument("--edges", choices=["offdiag", "masked"], default="offdiag",
                   help="EGNN pair layout: n(n-1) pairs by slicing, or all n^2 with the diagonal messages zeroed")
    p.add_argument("--check", action="store_true", help="float64 correctness checks at a small batch (default 3)")
    a = p.parse_args()
    a.system = a.system or ("lj13" if a.arch == "egnn" else "aldp")
    if a.max_rows is None:
        a.max_rows = 4096 if a.arch == "egnn" else 1024
    torch.set_num_threads(a.threads)
    if a.check:
        return check(a)
    a.batch = a.batch or (512 if a.arch == "egnn" else 64)
    dt = torch.float32
    (fs, fe), n, smin = build(a, dt)
    npar = sum(p.numel() for p in fs.parameters())
    log("%s/%s: %d parameters per network, batch %d, %d threads" % (a.arch, a.system, npar, a.batch, a.threads))
    st = Step(fs, fe, n, smin, a.max_rows)
    x, t, beta, v = inputs(a.batch, n, a.seed, dt)
    chunks = [int(c) for c in a.chunks.split(",")] if a.chunks else None

    fwd_ms = timed(lambda: st.forward_only(x, t, beta), a.warmup, a.reps)
    log("forward: %.2f ms" % fwd_ms)
    methods = {}
    for name, method, chunk in st.variants(a.batch, a.method, chunks):
        try:
            methods[name] = round(timed(lambda: st.exact(method, chunk, x, t, beta), a.warmup, a.reps), 3)
            log("%s: %.2f ms" % (name, methods[name]))
        except Exception as e:  # noqa: BLE001
            methods[name] = short(e)
            log(name, methods[name])
    hut_ms = timed(lambda: st.hutchinson(x, t, beta, v), a.warmup, a.reps)
    log("hutchinson: %.2f ms" % hut_ms)
    ok = {k: ms for k, ms in methods.items() if isinstance(ms, float)}
    best = min(ok, key=ok.get) if ok else None
    env = {k: os.environ.get(k) for k in
           ("OMP_WAIT_POLICY", "OPENBLAS_NUM_THREADS", "GLIBC_TUNABLES", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    print(json.dumps({"arch": a.arch, "system": a.system, "batch": a.batch, "threads": a.threads,
                      "params_per_net": npar, "forward_ms": round(fwd_ms, 3),
                      "exact_ms": ok.get(best), "exact_method": best, "methods": methods,
                      "hutchinson_ms": round(hut_ms, 3),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
                      "torch_version": torch.__version__, **env}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
