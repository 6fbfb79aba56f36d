"""The weight scaling inference rule, in both conventions, checked over all 2^n dropout masks."""
import itertools

import torch

torch.manual_seed(0)
n, p = 4, 0.8  # n inputs, each kept with probability p (dropped with 1 - p)
x = torch.randn(n, dtype=torch.float64)
w = torch.randn(n, dtype=torch.float64)
masks = torch.tensor(list(itertools.product([0.0, 1.0], repeat=n)), dtype=torch.float64)
prob = (p ** masks.sum(1)) * ((1 - p) ** (n - masks.sum(1)))  # P(mask)
print(f"{n} inputs -> {len(masks)} masks (sub-networks), probabilities sum to {prob.sum().item():.6f}")
assert len(masks) == 2**n and abs(prob.sum().item() - 1) < 1e-12

# Convention A: train with y = w.(m*x); at test time multiply the weights by p.
mean_a = (prob * ((masks * x) @ w)).sum()
test_a = (p * w) @ x
# Convention B ("inverted dropout", torch): train with y = w.(m*x)/p; test with w unchanged.
mean_b = (prob * (((masks * x) / p) @ w)).sum()
test_b = w @ x
print(f"A: mean over masks {mean_a.item():+.6f}   weights scaled by p at test {test_a.item():+.6f}")
print(f"B: mean over masks {mean_b.item():+.6f}   plain weights at test       {test_b.item():+.6f}")
assert abs(mean_a - test_a) < 1e-12 and abs(mean_b - test_b) < 1e-12

drop = torch.nn.Dropout(p=1 - p)  # torch's argument is the DROP probability
big = torch.ones(100000, dtype=torch.float64)
y_train = drop.train()(big)
values = sorted(set(y_train.tolist()))
print(f"torch Dropout in train mode outputs {values} (0 or 1/p = {1 / p:.2f}), "
      f"mean {y_train.mean().item():.3f}; eval mode is the identity")
assert values == [0.0, 1 / p] and torch.equal(drop.eval()(big), big)

# Two inputs, p = 1/2: the four sub-networks, written out, and their average.
pairs = list(itertools.product([1, 0], repeat=2))
for m in pairs:
    print(f"  mask {m}: " + (" + ".join(f"w{i + 1}x{i + 1}" for i in range(2) if m[i]) or "0"))
coef = [sum(m[i] for m in pairs) / len(pairs) for i in range(2)]
print("  average: " + " + ".join(f"{c:g}*w{i + 1}x{i + 1}" for i, c in enumerate(coef)))
w2, x2 = w[:2], x[:2]
average = sum(w2 @ (torch.tensor(m, dtype=torch.float64) * x2) for m in pairs) / 4
assert coef == [0.5, 0.5] and abs(average - 0.5 * w2 @ x2) < 1e-12

# Softmax output: weight scaling gives the (renormalized) geometric mean of all masks exactly.
K = 3
V, b = torch.randn(K, n, dtype=torch.float64), torch.randn(K, dtype=torch.float64)
log_members = torch.log_softmax((masks * x) @ V.T + b, dim=1)  # (2^n, K)
geometric = torch.softmax((prob[:, None] * log_members).sum(0), dim=0)
arithmetic = (prob[:, None] * log_members.exp()).sum(0)
scaled = torch.softmax(V @ (p * x) + b, dim=0)
print(f"softmax unit: weight-scaled net {scaled.numpy().round(6)}")
print(f"              geometric mean    {geometric.numpy().round(6)}")
print(f"              arithmetic mean   {arithmetic.numpy().round(6)}")
assert torch.allclose(geometric, scaled, atol=1e-12)
assert (arithmetic - scaled).abs().max() > 1e-4  # the arithmetic mean is only approximated
