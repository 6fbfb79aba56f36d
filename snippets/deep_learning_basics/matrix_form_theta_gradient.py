"""theta: every unknown parameter in one vector; g = grad L(theta), by hand and by autograd."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
X = torch.randn(20, 3)                                  # N = 20 examples, 3 features
y_hat = torch.sin(X[:, 0]) + 0.5 * X[:, 1]              # labels
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1))
W, b = model[0].weight, model[0].bias                   # (4, 3) and (4,)
c, b0 = model[2].weight, model[2].bias                  # (1, 4) and (1,)

theta = torch.nn.utils.parameters_to_vector(model.parameters())
print(f"theta has {theta.numel()} entries: W {W.numel()} + b {b.numel()} + c {c.numel()} + b0 {b0.numel()}")

loss = torch.mean((model(X)[:, 0] - y_hat) ** 2)        # L(theta): mean squared error
loss.backward()
g = torch.cat([p.grad.reshape(-1) for p in model.parameters()])  # same order as theta


def grad_by_hand(X, y_hat):
    """Backpropagation written out for y = b0 + c a, a = sigmoid(b + W x); returns g like theta."""
    with torch.no_grad():
        a = torch.sigmoid(X @ W.T + b)                  # (N, 4)
        y = a @ c[0] + b0                               # (N,)
        dy = 2 * (y - y_hat) / len(X)                   # dL/dy_n
        dr = dy[:, None] * c * a * (1 - a)              # dL/dr_n = dL/dy_n c_i sigma'(r_i)
        return torch.cat([(dr.T @ X).reshape(-1), dr.sum(0), (dy @ a).reshape(-1), dy.sum(0, keepdim=True)])


g_hand = grad_by_hand(X, y_hat)
print(f"L(theta0) = {loss.item():.6f}")
print("g (first 6 entries, autograd):", [round(v, 5) for v in g[:6].tolist()])
print(f"max |g_by_hand - g_autograd| = {(g_hand - g).abs().max():.1e}")
assert theta.numel() == 4 * 3 + 4 + 4 + 1 == g.numel()
assert torch.allclose(g_hand, g, atol=1e-12)

# one gradient-descent step on the whole vector: theta1 = theta0 - eta g
eta = 0.1
with torch.no_grad():
    torch.nn.utils.vector_to_parameters(theta - eta * g, model.parameters())
    loss1 = torch.mean((model(X)[:, 0] - y_hat) ** 2)
print(f"after theta1 = theta0 - {eta} g:  L(theta1) = {loss1.item():.6f}")
assert loss1 < loss
