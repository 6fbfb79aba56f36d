"""One-shot and zero-shot classification of new classes with nearest prototypes in a learned embedding."""
import torch
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
F = nn.functional
N_BASE, N_NEW = 10, 5
mixing = torch.randn(4, 20)
attributes = 1.5 * torch.randn(N_BASE + N_NEW, 4)   # class descriptions: centres in a 4-D factor space


def sample(classes, per_class):
    """per_class inputs (20 informative + 30 pure-noise columns) for each class id; returns (x, y)."""
    y = classes.repeat_interleave(per_class)
    u = attributes[y] + 0.4 * torch.randn(len(y), 4)
    return torch.cat([torch.tanh(u @ mixing / 2), torch.randn(len(y), 30)], 1), y


def nearest_prototype(queries, prototypes, labels):
    """Label of the closest prototype (Euclidean) for every query row."""
    return labels[torch.cdist(queries, prototypes).argmin(1)]


# Learn an embedding by ordinary classification of the 10 base classes (60 examples each).
base, new = torch.arange(N_BASE), torch.arange(N_BASE, N_BASE + N_NEW)
x_base, y_base = sample(base, 60)
embed = nn.Sequential(nn.Linear(50, 32), nn.ReLU(), nn.Linear(32, 16))
head = nn.Linear(16, N_BASE)
opt = torch.optim.Adam([*embed.parameters(), *head.parameters()], lr=0.01)
for _ in range(150):
    opt.zero_grad()
    F.cross_entropy(head(torch.relu(embed(x_base))), y_base).backward()
    opt.step()


def emb(x):
    """Unit-length 16-D embedding of x (n, 50)."""
    return F.normalize(embed(x), dim=1)


# One-shot: the 5 new classes were never trained on; each gets a single labelled example.
x_query, y_query = sample(new, 100)
acc_emb, acc_raw = [], []
with torch.no_grad():
    for draw in range(5):
        x_one, y_one = sample(new, 1)
        hits = nearest_prototype(emb(x_query), emb(x_one), y_one) == y_query
        acc_emb.append(hits.double().mean().item())
        acc_raw.append((nearest_prototype(x_query, x_one, y_one) == y_query).double().mean().item())
    # Zero-shot: no example at all.  Fit a linear map description -> mean embedding on the base
    # classes, then place each new class's prototype from its description alone.
    means = torch.stack([emb(x_base[y_base == c]).mean(0) for c in base])
    with_bias = lambda a: torch.cat([a, torch.ones(len(a), 1)], 1)
    to_embedding = torch.linalg.lstsq(with_bias(attributes[base]), means).solution
    guessed = with_bias(attributes[new]) @ to_embedding
    acc_zero = (nearest_prototype(emb(x_query), guessed, new) == y_query).double().mean().item()
mean_emb, mean_raw = sum(acc_emb) / 5, sum(acc_raw) / 5
print("one-shot accuracy on 5 new classes (chance 0.2), 5 draws of the single examples:")
print("  learned embedding:", " ".join(f"{a:.2f}" for a in acc_emb), f"  mean {mean_emb:.3f}")
print("  raw input space:  ", " ".join(f"{a:.2f}" for a in acc_raw), f"  mean {mean_raw:.3f}")
print(f"zero-shot accuracy from class descriptions only: {acc_zero:.3f}")
assert mean_emb > mean_raw + 0.15 and mean_emb > 0.6
assert max(acc_emb) - min(acc_emb) > 0.1            # which single example you get matters
assert acc_zero > 0.6
