"""The same model written by hand and as stacked torch.nn layers; then more layers."""
import numpy as np
import torch

rng = np.random.default_rng(0)
torch.set_default_dtype(torch.float64)
W, b = rng.normal(size=(4, 3)), rng.normal(size=4)      # hidden layer: 4 neurons, 3 features
c, b0 = rng.normal(size=4), 0.5                         # output: y = b0 + c^T a
X = rng.normal(size=(6, 3))                             # 6 examples


def by_hand(X):
    """(N, 3) -> (N,): y = b0 + c^T sigmoid(b + W x) for every row x."""
    return b0 + (1 / (1 + np.exp(-(X @ W.T + b)))) @ c


net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1))
with torch.no_grad():                                   # copy the same numbers into the layers
    net[0].weight.copy_(torch.tensor(W))
    net[0].bias.copy_(torch.tensor(b))
    net[2].weight.copy_(torch.tensor(c[None]))
    net[2].bias.fill_(b0)
    y_net = net(torch.tensor(X))[:, 0].numpy()
print(net)
print("max |by hand - torch.nn|:", f"{np.abs(by_hand(X) - y_net).max():.1e}")
assert np.allclose(by_hand(X), y_net, atol=1e-12)

# deeper: feed each layer's activations a into the next layer as its input
torch.manual_seed(0)
widths = [3, 4, 4, 4, 1]
deep = torch.nn.Sequential()
for k, (n_in, n_out) in enumerate(zip(widths, widths[1:])):
    deep.append(torch.nn.Linear(n_in, n_out))
    if k < len(widths) - 2:
        deep.append(torch.nn.ReLU())                    # activation on hidden layers only
a = torch.tensor(X)
with torch.no_grad():
    for layer in deep:
        if isinstance(layer, torch.nn.Linear):
            a = layer.bias + a @ layer.weight.T         # r = b + W a
        else:
            a = torch.clamp(a, min=0)                   # a = max(0, r)
    y_deep = deep(torch.tensor(X))
n_hidden = sum(isinstance(m, torch.nn.ReLU) for m in deep)
n_params = sum(p.numel() for p in deep.parameters())
print(f"{n_hidden} hidden layers of 4 ReLU neurons, {n_params} parameters;"
      f" layer-by-layer loop vs nn.Sequential: {(a - y_deep).abs().max():.1e}")
assert torch.allclose(a, y_deep, atol=1e-12)
assert n_params == (3 * 4 + 4) + 2 * (4 * 4 + 4) + (4 + 1)
