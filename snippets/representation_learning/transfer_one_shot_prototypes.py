"""One-shot and zero-shot classification of new classes with nearest prototypes in a learned embedding."""
import torch
from torch import nn
import torch.nn.functional as F


def sample(classes: torch.Tensor, per_class: int, attributes: torch.Tensor,
           mixing: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs of 20 informative and 30 pure-noise columns for each class id.

    Args:
        classes: the class ids, shape (c,).
        per_class: how many examples of each class.
        attributes: each class's description, its centre in the factor space, shape (n_classes, f).
        mixing: the map from the f factors to the 20 informative columns, shape (f, 20).

    Returns:
        (x, y): the inputs, shape (c * per_class, 50), and their class ids, shape (c * per_class,).

    Examples:
        >>> x, y = sample(torch.tensor([0, 2]), 3, torch.zeros(3, 4), torch.ones(4, 20))
        >>> x.shape, y.tolist()
        (torch.Size([6, 50]), [0, 0, 0, 2, 2, 2])
    """
    y = classes.repeat_interleave(per_class)
    u = attributes[y] + 0.4 * torch.randn(len(y), attributes.shape[1])
    return torch.cat([torch.tanh(u @ mixing / 2), torch.randn(len(y), 30)], 1), y


def nearest_prototype(queries: torch.Tensor, prototypes: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """The label of the closest prototype (Euclidean) for every query row.

    Args:
        queries: the points to classify, shape (n, d).
        prototypes: one point per class, shape (k, d).
        labels: the class of each prototype, shape (k,).

    Returns:
        The predicted labels, shape (n,).

    Examples:
        >>> nearest_prototype(torch.tensor([[0.1], [0.9]]), torch.tensor([[0.0], [1.0]]), torch.tensor([7, 8])).tolist()
        [7, 8]
    """
    return labels[torch.cdist(queries, prototypes).argmin(1)]


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    N_BASE, N_NEW, DRAWS = 10, 5, 10
    mixing = torch.randn(4, 20)
    attributes = 1.5 * torch.randn(N_BASE + N_NEW, 4)   # class descriptions: centres in a 4-D factor space

    # Learn an embedding by ordinary classification of the 10 base classes (60 examples each).
    base, new = torch.arange(N_BASE), torch.arange(N_BASE, N_BASE + N_NEW)
    x_base, y_base = sample(base, 60, attributes, mixing)
    embed = nn.Sequential(nn.Linear(50, 32), nn.ReLU(), nn.Linear(32, 16))
    head = nn.Linear(16, N_BASE)
    opt = torch.optim.Adam([*embed.parameters(), *head.parameters()], lr=0.01)
    for _ in range(150):
        opt.zero_grad()
        F.cross_entropy(head(torch.relu(embed(x_base))), y_base).backward()
        opt.step()

    def emb(x: torch.Tensor) -> torch.Tensor:            # unit-length 16-D embedding
        return F.normalize(embed(x), dim=1)

    # One-shot: the 5 new classes were never trained on; each gets a single labelled example.
    x_query, y_query = sample(new, 100, attributes, mixing)
    acc_emb, acc_raw = [], []
    with torch.no_grad():
        for draw in range(DRAWS):
            x_one, y_one = sample(new, 1, attributes, mixing)
            hits = nearest_prototype(emb(x_query), emb(x_one), y_one) == y_query
            acc_emb.append(hits.double().mean().item())
            acc_raw.append((nearest_prototype(x_query, x_one, y_one) == y_query).double().mean().item())
        # Zero-shot: no example at all.  Fit a linear map description -> mean embedding on the base
        # classes, then place each new class's prototype from its description alone.
        means = torch.stack([emb(x_base[y_base == c]).mean(0) for c in base])
        ones = torch.ones(N_BASE + N_NEW, 1)
        described = torch.cat([attributes, ones], 1)        # a description, plus a bias column
        to_embedding = torch.linalg.lstsq(described[base], means).solution
        guessed = described[new] @ to_embedding
        acc_zero = (nearest_prototype(emb(x_query), guessed, new) == y_query).double().mean().item()
    mean_emb, mean_raw = sum(acc_emb) / DRAWS, sum(acc_raw) / DRAWS
    print(f"one-shot accuracy on 5 new classes (chance 0.2), {DRAWS} draws of the single examples:")
    print("  learned embedding:", " ".join(f"{a:.2f}" for a in acc_emb), f"  mean {mean_emb:.3f}")
    print("  raw input space:  ", " ".join(f"{a:.2f}" for a in acc_raw), f"  mean {mean_raw:.3f}")
    print(f"zero-shot accuracy from class descriptions only: {acc_zero:.3f}")
    assert mean_emb > mean_raw + 0.1 and mean_emb > 0.6
    assert max(acc_emb) - min(acc_emb) > 0.05           # which single example you get matters
    assert acc_zero > 0.5                               # 2.5 times chance, without an example
