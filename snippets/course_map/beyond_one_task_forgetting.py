"""Lifelong learning: train on task A, then on task B, and task A is forgotten."""
import torch


def make_task(center: float, flip: bool, n: int = 400) -> tuple[torch.Tensor, torch.Tensor]:
    """n points around (center, 0), from torch's global generator; label [x2 > 0], or [x2 < 0] when flip.

    Examples:
        >>> x, y = make_task(0.0, True, n=3)
        >>> x.shape, bool(((x[:, 1] < 0).long() == y).all())
        (torch.Size([3, 2]), True)
    """
    x = torch.randn(n, 2) + torch.tensor([center, 0.0])
    return x, ((x[:, 1] > 0) ^ flip).long()


def new_net(seed: int) -> torch.nn.Module:
    """A fresh 2-32-2 ReLU classifier, initialized from ``seed`` (the same seed gives the same net).

    Examples:
        >>> bool((new_net(1)[0].weight == new_net(1)[0].weight).all())
        True
    """
    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(2, 32), torch.nn.ReLU(), torch.nn.Linear(32, 2))


def train(net: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, steps: int = 200) -> None:
    """Full-batch Adam (lr 0.01) on the cross entropy of (x (n, 2), y (n,)); only these data are seen.

    Examples:
        >>> net = new_net(0); x = torch.tensor([[0.0, 1.0], [0.0, -1.0]]); y = torch.tensor([1, 0])
        >>> train(net, x, y, steps=50); accuracy(net, x, y)
        1.0
    """
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    for _ in range(steps):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(x), y).backward()
        opt.step()


def accuracy(net: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of inputs x (n, 2) whose predicted class equals y (n,).

    Examples:
        >>> accuracy(torch.nn.Identity(), torch.tensor([[0.0, 1.0], [2.0, 1.0]]), torch.tensor([1, 1]))
        0.5
    """
    return (net(x).argmax(1) == y).float().mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    A, B = make_task(-1.5, False), make_task(+1.5, True)  # two regions, opposite rules
    A_test, B_test = make_task(-1.5, False), make_task(+1.5, True)

    net = new_net(1)
    train(net, *A)
    a_after_a = accuracy(net, *A_test)
    train(net, *B)  # task A's data is gone now
    a_after_b, b_after_b = accuracy(net, *A_test), accuracy(net, *B_test)

    joint = new_net(1)  # the same net, both tasks at once
    train(joint, torch.cat([A[0], B[0]]), torch.cat([A[1], B[1]]))
    ja, jb = accuracy(joint, *A_test), accuracy(joint, *B_test)

    print("                      acc on A   acc on B")
    print(f"after training on A     {a_after_a:.3f}")
    print(f"then after B            {a_after_b:.3f}      {b_after_b:.3f}")
    print(f"A and B together        {ja:.3f}      {jb:.3f}")
    assert a_after_a > 0.95 and b_after_b > 0.95
    assert a_after_b < a_after_a - 0.3  # catastrophic forgetting: a large part of A is lost
    assert ja > 0.85 and jb > 0.85  # the net can hold both tasks at once
