"""Dropout as an ensemble of 2^n sub-networks: weight scaling is exact for a linear unit only."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def all_masks(n):
    """Every keep/drop mask on n units, shape (2^n, n), entries 0. or 1."""
    return ((torch.arange(2**n)[:, None] >> torch.arange(n)) & 1).double()


# The two-input example, dropout rate 1/2: four equally likely sub-networks.
x1, x2, w1, w2 = 1.0, 2.0, 3.0, -0.5
subnets = {"keep both": w1 * x1 + w2 * x2, "drop x1": w2 * x2,
           "drop x2": w1 * x1, "drop both": 0.0}
for name, z in subnets.items():
    print(f"  {name:<10} z = {z:+.2f}")
ensemble = sum(subnets.values()) / 4
scaled = 0.5 * w1 * x1 + 0.5 * w2 * x2  # weights multiplied by 1 - p = 1/2
print(f"ensemble average {ensemble:+.4f}; weight-scaled network {scaled:+.4f}")
misprint = (w1 * x1 + w2 * x2 + w2 * x2 + w1 * x2 + 0) / 4  # w1*x2 in place of w1*x1
print(f"with w1*x2 in place of the drop-x2 term: {misprint:+.4f}")
assert ensemble == scaled and abs(misprint - scaled) > 0.1

# n = 12 inputs, every one of the 2^12 masks, drop rate p: each mask weighted by its probability.
n, p = 12, 0.5
a, w, b = torch.randn(n), torch.randn(n), 0.3
masks = all_masks(n)
prob = ((1 - p) ** masks.sum(1)) * (p ** (n - masks.sum(1)))
z_sub = (masks * a) @ w + b  # the pre-activation of every sub-network
z_scaled = ((1 - p) * w) @ a + b  # one network with weights times (1 - p)
print(f"\n{2**n} sub-networks, p = {p}")
print(f"{'unit':<8}{'ensemble mean':>15}{'weight-scaled':>15}{'gap':>11}")
gaps = {}
for name, f in [("linear", lambda z: z), ("sigmoid", torch.sigmoid), ("ReLU", torch.relu)]:
    mean_out, scaled_out = (prob * f(z_sub)).sum(), f(z_scaled)
    gaps[name] = (mean_out - scaled_out).item()
    print(f"{name:<8}{mean_out.item():>15.6f}{scaled_out.item():>15.6f}{gaps[name]:>11.2e}")
assert abs(gaps["linear"]) < 1e-12  # exact: mean of a linear function = function of the mean
assert abs(gaps["sigmoid"]) > 1e-3  # only approximate once a nonlinearity sits after the dropout
assert gaps["ReLU"] > 1e-3  # ReLU is convex, so the ensemble mean lies above (Jensen's inequality)

# For a sigmoid unit the weighted *geometric* mean of the ensemble, renormalised over the two
# classes, is exactly sigmoid(weight-scaled z): sigma/(1 - sigma) = e^z turns products into sums.
log_on = (prob * torch.nn.functional.logsigmoid(z_sub)).sum()
log_off = (prob * torch.nn.functional.logsigmoid(-z_sub)).sum()
geo = torch.exp(log_on) / (torch.exp(log_on) + torch.exp(log_off))
print(f"renormalised geometric mean of the sigmoid ensemble: {geo.item():.12f}")
print(f"sigmoid of the weight-scaled pre-activation:         "
      f"{torch.sigmoid(z_scaled).item():.12f}")
assert abs(geo.item() - torch.sigmoid(z_scaled).item()) < 1e-12
