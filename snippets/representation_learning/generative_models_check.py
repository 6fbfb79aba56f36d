"""Exercises for the page on GANs and VAEs: the best discriminator, the value of the game, the
closed-form KL of the ELBO and the reparameterisation derivatives."""
import contextlib
import io
import json
import math

import torch


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has torch.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(1 + 1)")
        '2'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def best_discriminator(p_data: float, p_g: float) -> float:
    """The optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)) at one point.

    Examples:
        >>> best_discriminator(1.0, 1.0)
        0.5
    """
    return p_data / (p_data + p_g)


def kl_diag_gaussian(mu: list[float], var: list[float]) -> float:
    """KL(N(mu, diag var) || N(0, I)) = 1/2 sum(mu^2 + var - 1 - log var), in nats.

    Examples:
        >>> kl_diag_gaussian([0.0], [1.0])
        0.0
    """
    return 0.5 * sum(m * m + v - 1 - math.log(v) for m, v in zip(mu, var))


if __name__ == "__main__":
    d_star = best_discriminator(0.3, 0.1)
    value_at_optimum = 2 * math.log(0.5)          # E log 1/2 + E log 1/2 when p_g = p_data
    mu, var = [0.5, -1.0], [2.0, 0.5]
    kl = kl_diag_gaussian(mu, var)
    ref = torch.distributions.kl_divergence(
        torch.distributions.Normal(torch.tensor(mu, dtype=torch.float64), torch.tensor(var, dtype=torch.float64).sqrt()),
        torch.distributions.Normal(0.0, 1.0)).sum().item()
    assert abs(kl - ref) < 1e-12
    # reparameterisation: z = mu + sigma eps with log sigma^2 = log 4, eps = -0.5
    sigma, eps = 2.0, -0.5
    logvar = torch.tensor(math.log(sigma**2), dtype=torch.float64, requires_grad=True)
    z = 1.0 + torch.exp(0.5 * logvar) * eps
    z.backward()
    dz_dlogvar = logvar.grad.item()
    assert abs(dz_dlogvar - 0.5 * sigma * eps) < 1e-12
    code_grad = ("mu = torch.tensor([1.0], requires_grad=True)\n"
                 "z = mu + 2.0 * torch.randn(1)\n"
                 "z.sum().backward()\n"
                 "print(mu.grad.item())")
    out_grad = printed(code_grad)

    exercises = [
        {"id": "gan-best-discriminator", "concept": "gan", "kind": "numeric",
         "question": "At some point $x$ the data density is $p_{\\text{data}}(x) = 0.3$ and the generator's "
                     "density is $p_g(x) = 0.1$. What does the best discriminator output there? Give 2 decimals.",
         "answer": d_star, "tolerance": 0.005,
         "hint": "The best discriminator is the share of the real density among both densities at $x$.",
         "solution": f"$D^*(x) = 0.3 / (0.3 + 0.1) = {d_star:.2f}$: a real sample is three times as likely as a "
                     "generated one here."},
        {"id": "gan-value-at-equilibrium", "concept": "gan", "kind": "numeric",
         "question": "When the generator matches the data exactly ($p_g = p_{\\text{data}}$) and the "
                     "discriminator is the best one, what is the value $V(D, G)$ of the game, in nats? "
                     "Give 3 decimals.",
         "answer": value_at_optimum, "tolerance": 0.0015,
         "hint": "With equal densities, what does $D^*$ output everywhere?",
         "solution": f"$D^* = 1/2$ everywhere, so $V = \\log\\tfrac12 + \\log\\tfrac12 = -\\log 4 = "
                     f"{value_at_optimum:.3f}$. This is the smallest value the generator can reach."},
        {"id": "gan-non-saturating", "concept": "gan", "kind": "choice", "shuffle": True,
         "question": "Why does the generator usually maximise $\\log D(G(z))$ instead of minimising "
                     "$\\log(1 - D(G(z)))$?",
         "options": [
             {"text": "Early on, $D$ rejects every fake and $\\log(1 - D)$ then has almost no gradient",
              "why": "Right: when $D(G(z)) \\approx 0$ the curve $\\log(1 - D)$ is flat, while $\\log D$ is steep."},
             {"text": "The two objectives have different optimal generators",
              "why": "Both are optimised by making $G$'s samples indistinguishable from the data."},
             {"text": "$\\log D(G(z))$ does not need the discriminator",
              "why": "It is computed through the discriminator, like the other form."},
             {"text": "It makes the discriminator train faster",
              "why": "It changes only the generator's loss."}],
         "answer": 0,
         "hint": "Look at the slope of each curve where $D(G(z))$ is close to 0.",
         "solution": "The derivative of $\\log(1 - D)$ with respect to the logit of $D$ is $-D$, close to 0 "
                     "when $D \\approx 0$; that of $\\log D$ is $1 - D$, close to 1. Same goal, usable gradients."},
        {"id": "vae-kl-two-dims", "concept": "vae", "kind": "numeric",
         "question": "An encoder outputs $\\mu = (0.5, -1)$ and $\\sigma^2 = (2, 0.5)$ for one input. What is "
                     "the KL term $D_{KL}(q(z \\mid x) \\,\\|\\, \\mathcal N(0, I))$ of the ELBO, in nats? Give 3 decimals.",
         "answer": kl, "tolerance": 0.0015,
         "hint": "Use $\\tfrac12 \\sum_j (\\mu_j^2 + \\sigma_j^2 - 1 - \\log \\sigma_j^2)$, natural log.",
         "solution": f"$\\tfrac12[(0.25 + 2 - 1 - \\ln 2) + (1 + 0.5 - 1 - \\ln 0.5)] = {kl:.3f}$ nats; "
                     "`torch.distributions.kl_divergence` gives the same."},
        {"id": "vae-dz-dlogvar", "concept": "vae", "kind": "numeric",
         "question": "A code is sampled as $z = \\mu + \\sigma \\varepsilon$ with $\\sigma = e^{\\frac12 \\log\\sigma^2}$. "
                     "For $\\sigma = 2$ and the drawn $\\varepsilon = -0.5$, what is $\\partial z / \\partial \\log\\sigma^2$?",
         "answer": dz_dlogvar, "tolerance": 1e-6,
         "hint": "Differentiate $e^{\\frac12 s}$ with respect to $s$.",
         "solution": f"$\\partial z / \\partial \\log\\sigma^2 = \\tfrac12 \\sigma \\varepsilon = \\tfrac12 \\cdot 2 "
                     f"\\cdot (-0.5) = {dz_dlogvar:g}$, as autograd confirms."},
        {"id": "vae-grad-through-sample", "concept": "vae", "kind": "predict",
         "question": "What does this print (whatever the random draw)?",
         "code": code_grad, "answer": float(out_grad), "tolerance": 1e-6,
         "hint": "The noise enters as an input; how does $z$ change when $\\mu$ grows by a small amount?",
         "solution": f"It prints `{out_grad}`: $z = \\mu + 2\\varepsilon$ gives $\\partial z / \\partial \\mu = 1$. "
                     "This is the reparameterisation trick: the gradient reaches $\\mu$ through the sample."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
