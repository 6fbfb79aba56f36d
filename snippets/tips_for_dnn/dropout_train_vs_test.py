"""Two dropout conventions: weights times (1 - p) at test, or activations over (1 - p) in training."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
p = 0.2  # dropout rate: each input unit is dropped with probability p, kept with 1 - p
n = 10
a = torch.randn(n)  # the activations feeding one unit
w, b = torch.randn(n), torch.randn(())

# torch.nn.Dropout(p), training mode: zero each entry with probability p, scale the rest 1/(1 - p).
drop = torch.nn.Dropout(p)
big = torch.randn(100_000)
out = drop(big)
mask = (out != 0).double()
print(f"fraction dropped by torch.nn.Dropout({p}): {1 - mask.mean().item():.4f}")
assert abs((1 - mask.mean()).item() - p) < 0.005
assert torch.allclose(out, big * mask / (1 - p), atol=1e-12)  # inverted dropout, by hand
drop.eval()
assert torch.equal(drop(big), big)  # at test time torch's dropout does nothing
print("torch train mode: x * mask / (1 - p); eval mode: x unchanged (both checked)")

# Every mask m in {0,1}^n with its probability (1 - p)^(kept) * p^(dropped).
masks = ((torch.arange(2**n)[:, None] >> torch.arange(n)) & 1).double()
prob = ((1 - p) ** masks.sum(1)) * (p ** (n - masks.sum(1)))
assert abs(prob.sum().item() - 1) < 1e-12




def train_outputs(weights, scale):
    """Training-time output w . (a * m * scale) + b for every mask m; shape (2^n,)."""
    return (masks * a * scale) @ weights + b


# Convention 1 (scale at test): train on a * m with weights w, test with weights (1 - p) w.
out_1, test_1 = train_outputs(w, 1.0), ((1 - p) * w) @ a + b
# Convention 2 (inverted, torch): train on a * m / (1 - p), test with the weights unchanged.
# Trained weights then come out as v = (1 - p) w: the same network written another way.
v = (1 - p) * w
out_2, test_2 = train_outputs(v, 1 / (1 - p)), v @ a + b
for name, out_c, test_c in [("convention 1", out_1, test_1), ("convention 2", out_2, test_2)]:
    print(f"{name}: mean training output {(prob * out_c).sum().item():.6f}, "
          f"test output {test_c.item():.6f}")
assert torch.allclose(out_1, out_2, atol=1e-12) and torch.allclose(test_1, test_2, atol=1e-12)
assert torch.allclose((prob * out_1).sum(), test_1, atol=1e-12)
# Scaling by p instead of 1 - p (mixing up the drop and keep rates) gives the wrong test output.
wrong = (p * w) @ a + b
print(f"test output if the weights were scaled by p instead: {wrong.item():.6f}")
assert abs((wrong - test_1).item()) > 0.1

# The same with torch's own random masks: 20000 training passes average out to the test output.
drop.train()
samples = drop(a.expand(20_000, n)) @ v + b
se = samples.std() / len(samples) ** 0.5
print(f"average of 20000 torch dropout passes: {samples.mean().item():.4f} "
      f"+- {se.item():.4f} (standard error)")
assert abs(samples.mean() - test_2) < 4 * se
