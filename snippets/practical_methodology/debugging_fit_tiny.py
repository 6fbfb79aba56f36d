"""Sanity check: a working training loop drives the loss to ~0 on 8 examples; a buggy one cannot."""
import torch

torch.manual_seed(0)
x = torch.randn(8, 10, dtype=torch.float64)
y = torch.randint(0, 2, (8,))  # random labels: only memorisation can fit them


def train(shuffle_labels_separately=False, steps=100):
    """Train a 10-32-32-2 MLP with Adam on (x, y) -> list of losses."""
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(10, 32), torch.nn.ReLU(),
                              torch.nn.Linear(32, 32), torch.nn.ReLU(),
                              torch.nn.Linear(32, 2)).double()
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    losses = []
    for _ in range(steps):
        xb, yb = x, y
        if shuffle_labels_separately:  # the bug: inputs and labels permuted independently
            yb = y[torch.randperm(8)]
        loss = torch.nn.functional.cross_entropy(net(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses


good = train()
bad = train(shuffle_labels_separately=True)
for step in [0, 10, 25, 50, 99]:
    print(f"step {step:3d}: loss {good[step]:.2e} (correct loop)   {bad[step]:.3f} (buggy loop)")
p = y.double().mean()
floor = -(p * p.log() + (1 - p) * (1 - p).log())  # loss of always predicting the label frequencies
print(f"loss of the best input-blind guess: {floor:.3f}")

assert good[50] < 1e-3 and good[-1] < 1e-3  # memorised within a few dozen steps: the pipeline can learn
assert sum(bad[-50:]) / 50 > 0.9 * floor   # the bug leaves it no better than guessing
