"""Explainable AI: a saliency map is the gradient of the output w.r.t. each input pixel."""
import matplotlib.pyplot as plt
import torch


def train_classifier(X: torch.Tensor, y: torch.Tensor, hidden: int = 16, steps: int = 200) -> torch.nn.Module:
    """A small tanh network, trained by full-batch Adam (lr 0.01) on the logistic loss.

    Args:
        X: images, shape (n, h, w).
        y: labels, 0. or 1., shape (n,).
        hidden: the number of hidden units.
        steps: Adam updates.

    Returns:
        The network: images (n, h, w) to logits (n, 1).

    Examples:
        >>> X = torch.stack([torch.ones(2, 2), -torch.ones(2, 2)]); y = torch.tensor([1.0, 0.0])
        >>> (train_classifier(X, y, steps=20)(X)[:, 0] > 0).tolist()
        [True, False]
    """
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(X[0].numel(), hidden, dtype=X.dtype),
                                torch.nn.Tanh(), torch.nn.Linear(hidden, 1, dtype=X.dtype))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(steps):
        opt.zero_grad()
        torch.nn.functional.binary_cross_entropy_with_logits(model(X)[:, 0], y).backward()
        opt.step()
    return model


def saliency(model: torch.nn.Module, x: torch.Tensor) -> torch.Tensor:
    """The saliency map |d score / d pixel| of each image, by one backward pass.

    Args:
        model: images (n, h, w) to scores (n, 1).
        x: the images, shape (n, h, w).

    Returns:
        The maps, shape (n, h, w).

    Examples:
        >>> model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(2, 1, bias=False))
        >>> with torch.no_grad():
        ...     model[1].weight[:] = torch.tensor([[3.0, -1.0]])
        >>> saliency(model, torch.zeros(1, 1, 2))
        tensor([[[3., 1.]]])
    """
    x = x.clone().requires_grad_(True)
    model(x).sum().backward()  # each score depends only on its own image
    return x.grad.abs()


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    # 8x8 noise images; the label is 1 when the 3x3 patch at rows 1-3, cols 4-6 is bright
    X, X_test = torch.randn(1000, 8, 8), torch.randn(1000, 8, 8)
    patch = torch.zeros(8, 8, dtype=torch.bool)
    patch[1:4, 4:7] = True
    y, y_test = (X[:, patch].mean(1) > 0).double(), (X_test[:, patch].mean(1) > 0).double()
    model = train_classifier(X, y)
    acc = ((model(X_test)[:, 0] > 0).double() == y_test).double().mean().item()
    x0 = X[0]
    s = saliency(model, x0[None])[0]
    mean_map = saliency(model, X_test[:200]).mean(0)  # the average over 200 test images
    # the same gradient by central finite differences, pixel by pixel
    h, fd = 1e-6, torch.zeros(64)
    with torch.no_grad():
        for k in range(64):
            e = torch.zeros(8, 8)
            e.view(-1)[k] = h
            fd[k] = (model((x0 + e)[None]) - model((x0 - e)[None]))[0, 0] / (2 * h)
    share, mean_share = (s[patch].sum() / s.sum()).item(), (mean_map[patch].sum() / mean_map.sum()).item()
    fd_gap = (fd.abs() - s.reshape(-1)).abs().max().item()
    print(f"test accuracy {acc:.3f}")
    print(f"share of saliency inside the 3x3 patch (the patch is {9 / 64:.2f} of the image):"
          f" {share:.2f} for the image shown, {mean_share:.2f} on average over 200 test images")
    print(f"autograd vs finite differences: max difference {'< 1e-6' if fd_gap < 1e-6 else f'{fd_gap:.1e}'}")
    assert acc > 0.9 and fd_gap < 1e-6
    assert mean_share > 0.5 and mean_map[patch].min() > mean_map[~patch].max()  # it looks at the patch

    fig, axes = plt.subplots(1, 3, figsize=(9, 3.2))
    panels = [(x0, "input image", "gray"), (s, "its saliency |d score / d pixel|", "viridis"),
              (mean_map, "mean saliency, 200 test images", "viridis")]
    for ax, (img, title, cmap) in zip(axes, panels):
        ax.imshow(img.detach().numpy(), cmap=cmap)
        ax.add_patch(plt.Rectangle((3.5, 0.5), 3, 3, fill=False, ec="red", lw=2))
        ax.set_title(title, fontsize=10)
        ax.set_xticks([]), ax.set_yticks([])
    plt.show()
