"""Multimodal learning: two encoders map matched pairs of two modalities into one shared space."""
import torch
import torch.nn.functional as F


def contrastive_loss(u: torch.Tensor, v: torch.Tensor, temperature: float = 0.1) -> torch.Tensor:
    """The symmetric contrastive (InfoNCE) loss of a batch of matched pairs, as in CLIP.

    Row i of u and row i of v are a matching pair; every other row is a non-match.
    The loss is the cross entropy of picking the right partner among all n, both ways.

    Args:
        u: the embeddings of modality 1, shape (n, k).
        v: the embeddings of modality 2, shape (n, k).
        temperature: the scale of the cosine similarities.

    Returns:
        The loss, a scalar tensor.

    Examples:
        >>> u = torch.eye(3)
        >>> round(contrastive_loss(u, u).item(), 4)  # each pair far closer than any other
        0.0001
    """
    logits = F.normalize(u, dim=1) @ F.normalize(v, dim=1).T / temperature
    target = torch.arange(len(u))
    return (F.cross_entropy(logits, target) + F.cross_entropy(logits.T, target)) / 2


def retrieval_accuracy(u: torch.Tensor, v: torch.Tensor) -> float:
    """Fraction of rows of u whose most similar row of v (cosine) is its own partner.

    Args:
        u: the embeddings of modality 1, shape (n, k).
        v: the embeddings of modality 2, shape (n, k); row i belongs with row i of u.

    Returns:
        The top-1 retrieval accuracy, a float in [0, 1]; chance is 1 / n.

    Examples:
        >>> retrieval_accuracy(torch.eye(3), torch.tensor([[1.0, 0, 0], [0, 0, 1], [0, 1, 0]]))
        0.3333333333333333
    """
    sim = F.normalize(u, dim=1) @ F.normalize(v, dim=1).T
    return (sim.argmax(1) == torch.arange(len(u))).double().mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    K, DX, DY, N = 6, 30, 20, 300                   # shared factors; sizes of the two modalities
    A, B = torch.randn(K, DX), torch.randn(K, DY)   # how the factors show in each modality

    def pairs(n: int) -> tuple[torch.Tensor, torch.Tensor]:  # an "image" and its "caption"
        z = torch.randn(n, K)
        return torch.tanh(z @ A / 2) + 0.3 * torch.randn(n, DX), z @ B + 0.5 * torch.randn(n, DY)

    x_train, y_train = pairs(N)
    x_test, y_test = pairs(200)                     # new pairs, never seen in training
    f_x = torch.nn.Sequential(torch.nn.Linear(DX, 32), torch.nn.ReLU(), torch.nn.Linear(32, 8))
    f_y = torch.nn.Linear(DY, 8)
    with torch.no_grad():
        before = retrieval_accuracy(f_x(x_test), f_y(y_test))
    opt = torch.optim.Adam([*f_x.parameters(), *f_y.parameters()], lr=0.01)
    for step in range(150):
        opt.zero_grad()
        contrastive_loss(f_x(x_train), f_y(y_train)).backward()
        opt.step()
    with torch.no_grad():
        u, v = f_x(x_test), f_y(y_test)
        x_to_y, y_to_x = retrieval_accuracy(u, v), retrieval_accuracy(v, u)
        shuffled = retrieval_accuracy(u, v[torch.randperm(len(v))])  # pairing broken: chance level
    print("retrieve the partner of each of 200 new pairs among all 200 (chance 0.005):")
    print(f"  untrained encoders:            x -> y {before:.3f}")
    print(f"  trained on {N} matched pairs:  x -> y {x_to_y:.3f}   y -> x {y_to_x:.3f}")
    print(f"  trained, partners shuffled:    x -> y {shuffled:.3f}")
    assert x_to_y > 0.3 and y_to_x > 0.3                 # the relation generalises to new pairs ...
    assert x_to_y > 10 * max(before, shuffled, 1 / 200)  # ... and was learned from the pairing
