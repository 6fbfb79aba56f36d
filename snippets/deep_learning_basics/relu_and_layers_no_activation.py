"""Without an activation function, stacked layers collapse into one linear layer."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
lin1, lin2, lin3 = torch.nn.Linear(1, 8), torch.nn.Linear(8, 8), torch.nn.Linear(8, 1)
linear_stack = torch.nn.Sequential(lin1, lin2, lin3)                       # no activation
relu_stack = torch.nn.Sequential(lin1, torch.nn.ReLU(), lin2, torch.nn.ReLU(), lin3)

# W3 (W2 (W1 x + b1) + b2) + b3 = (W3 W2 W1) x + (W3 W2 b1 + W3 b2 + b3)
with torch.no_grad():
    W = lin3.weight @ lin2.weight @ lin1.weight
    b = lin3.weight @ (lin2.weight @ lin1.bias + lin2.bias) + lin3.bias
x = torch.linspace(-3, 3, 61)[:, None]
with torch.no_grad():
    y_lin, y_relu = linear_stack(x)[:, 0], relu_stack(x)[:, 0]
print(f"three linear layers = one line y = {W.item():.4f} x {'+-'[b.item() < 0]} {abs(b.item()):.4f};"
      f" max difference {(y_lin - (W * x + b)[:, 0]).abs().max():.1e}")
# a straight line has one slope everywhere; the ReLU stack bends
s_lin, s_relu = torch.diff(y_lin) / 0.1, torch.diff(y_relu) / 0.1
print(f"slope over [-3, 3]: without activation {s_lin.min():.4f} .. {s_lin.max():.4f},"
      f" with ReLU {s_relu.min():.4f} .. {s_relu.max():.4f}")
assert torch.allclose(y_lin, (W * x + b)[:, 0], atol=1e-12)
assert s_lin.max() - s_lin.min() < 1e-9 and s_relu.max() - s_relu.min() > 0.05
