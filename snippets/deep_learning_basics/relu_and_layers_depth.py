"""Adding layers lowers the training loss, but the held-out loss decides which depth to keep."""
import io

import matplotlib
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(5)
f, noise = torch.sin, 0.5
x_train = torch.linspace(-3, 3, 20)[:, None]                  # 20 noisy training points
y_train = f(x_train)[:, 0] + noise * torch.randn(20)
x_val, x_test = torch.rand(200, 1) * 6 - 3, torch.rand(200, 1) * 6 - 3
y_val, y_test = f(x_val)[:, 0] + noise * torch.randn(200), f(x_test)[:, 0] + noise * torch.randn(200)


def relu_net(n_layers, width=64):
    """1 input -> n_layers hidden ReLU layers of `width` neurons -> 1 output."""
    layers, n_in = [], 1
    for _ in range(n_layers):
        layers += [torch.nn.Linear(n_in, width), torch.nn.ReLU()]
        n_in = width
    return torch.nn.Sequential(*layers, torch.nn.Linear(width, 1))


mse = lambda net, x, y: torch.mean((net(x)[:, 0] - y) ** 2)
depths = [1, 2, 3, 4]
nets = [relu_net(d) for d in depths]
# the nets share no parameters, so one Adam on the sum of their losses trains each as if alone
opt = torch.optim.Adam([p for net in nets for p in net.parameters()], lr=0.008)
for step in range(120):
    opt.zero_grad()
    sum(mse(net, x_train, y_train) for net in nets).backward()
    opt.step()

with torch.no_grad():
    train = [mse(net, x_train, y_train).item() for net in nets]
    val = [mse(net, x_val, y_val).item() for net in nets]
best = min(range(len(depths)), key=lambda k: val[k])          # chosen on held-out data only
with torch.no_grad():
    test_best, test_deepest = mse(nets[best], x_test, y_test).item(), mse(nets[-1], x_test, y_test).item()
print("layers   train loss   held-out loss")
for d, tr, va in zip(depths, train, val):
    print(f"{d:6d}   {tr:10.3f}   {va:13.3f}" + ("   <- picked" if d == depths[best] else ""))
print(f"test loss of the picked net {test_best:.3f}, of the deepest net {test_deepest:.3f}"
      f" (noise alone gives {noise**2:.2f})")
assert all(a > b for a, b in zip(train, train[1:]))           # every layer lowers training loss
assert train[-1] < 0.2 * noise**2                             # the deepest net fits the noise
assert all(a < b for a, b in zip(val, val[1:]))               # held-out loss rises instead
assert depths[best] == 1 and val[-1] > 1.2 * val[best]
assert test_best < test_deepest

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9, 3.2))
ax.plot(depths, train, "o-", color="tab:blue", label="training loss")
ax.plot(depths, val, "s-", color="tab:orange", label="held-out loss")
ax.axhline(noise**2, color="gray", ls=":", label="noise variance")
ax.set_xticks(depths)
ax.set_xlabel("hidden layers")
ax.set_ylabel("mean squared error")
ax.legend(fontsize=8)
xs = torch.linspace(-3, 3, 300)[:, None]
ax2.scatter(x_train[:, 0], y_train, color="black", s=12, zorder=3, label="training data")
ax2.plot(xs[:, 0], f(xs[:, 0]), color="gray", ls=":", label="true curve")
with torch.no_grad():
    for k, col in [(best, "tab:orange"), (len(depths) - 1, "tab:red")]:
        ax2.plot(xs[:, 0], nets[k](xs)[:, 0], color=col, label=f"{depths[k]} layer(s)")
ax2.set_xlabel("x")
ax2.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
