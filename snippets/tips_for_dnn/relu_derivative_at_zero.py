"""ReLU's derivative: 0 left of the corner, 1 right of it, and a convention at exactly 0."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
points = torch.tensor([-1.0, 0.0, 1.0])
versions = {
    "torch.relu(z)": torch.relu,
    "z.clamp(min=0)": lambda z: z.clamp(min=0),
    "torch.maximum(z, 0)": lambda z: torch.maximum(z, torch.zeros_like(z)),
}
grads = {}
for name, f in versions.items():
    z = points.clone().requires_grad_()
    f(z).sum().backward()
    grads[name] = z.grad
    print(f"{name:<20} value {f(points).tolist()}  gradient at -1, 0, 1: {z.grad.tolist()}")

assert grads["torch.relu(z)"].tolist() == [0.0, 0.0, 1.0]  # torch's ReLU uses 0 at z = 0
z0 = torch.zeros(1, requires_grad=True)
torch.nn.ReLU()(z0).backward()
assert z0.grad.item() == 0.0  # so does the module torch.nn.ReLU
assert grads["z.clamp(min=0)"].tolist() == [0.0, 1.0, 1.0]
assert grads["torch.maximum(z, 0)"].tolist() == [0.0, 0.5, 1.0]
# Every value in [0, 1] is a valid subgradient at the corner; away from it all versions agree.
for g in grads.values():
    assert g[0] == 0 and g[2] == 1 and 0 <= g[1] <= 1

# In a real network a pre-activation lands exactly on 0 essentially never, so the convention
# does not change the gradient that training uses.
x, y = torch.randn(512, 8), torch.randn(512, 1)
w1, w2 = torch.randn(8, 32), torch.randn(32, 1)
exact_zeros = int(((x @ w1) == 0).sum())
print("pre-activations exactly 0 among", 512 * 32, ":", exact_zeros)
assert exact_zeros == 0
loss_grads = []
for f in versions.values():
    a, b = w1.clone().requires_grad_(), w2.clone().requires_grad_()
    ((f(x @ a) @ b - y) ** 2).mean().backward()
    loss_grads.append(torch.cat([a.grad.flatten(), b.grad.flatten()]))
assert all(torch.equal(loss_grads[0], g) for g in loss_grads[1:])
print("the loss gradient of a small ReLU net is bit-identical under all three conventions")
