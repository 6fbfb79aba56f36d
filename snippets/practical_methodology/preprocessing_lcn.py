"""Local contrast normalisation (LCN) vs GCN on a scene whose left half lies in shadow."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def local_mean(X: np.ndarray, k: int) -> np.ndarray:
    """The mean over the k x k window around each pixel (the window clipped at the border).

    Matches ``torch.nn.functional.avg_pool2d(x, k, stride=1, padding=k // 2, count_include_pad=False)``.

    Args:
        X: an image, shape (h, w).
        k: the window size, odd.

    Returns:
        The local means, shape (h, w).

    Examples:
        >>> local_mean(np.array([[0.0, 3.0, 6.0]]), 3).tolist()  # windows {0, 3}, {0, 3, 6}, {3, 6}
        [[1.5, 3.0, 4.5]]
    """
    P = np.pad(X, k // 2, constant_values=np.nan)
    return np.nanmean(np.lib.stride_tricks.sliding_window_view(P, (k, k)), axis=(-2, -1))


def lcn(X: np.ndarray, k: int = 5, eps: float = 1e-2) -> np.ndarray:
    """Local contrast normalisation: (X - local mean) / max(eps, local std), both over k x k windows.

    Args:
        X: an image, shape (h, w).
        k: the window size, odd.
        eps: a floor on the local standard deviation, so that flat regions are not blown up.

    Returns:
        The normalised image, shape (h, w).

    Examples:
        >>> lcn(np.full((3, 3), 7.0), k=3).tolist() == np.zeros((3, 3)).tolist()  # flat: zeros, not 0/0
        True
    """
    centred = X - local_mean(X, k)
    return centred / np.maximum(eps, np.sqrt(local_mean(centred**2, k)))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    H, W, k = 24, 48, 5
    stripes = np.where((np.arange(W) // 3) % 2 == 0, 1.0, -1.0)[None, :].repeat(H, axis=0)
    light = np.where(np.arange(W) < W // 2, 0.15, 1.0)[None, :]  # shadow on the left half
    img = light * (0.5 + 0.3 * stripes) + 0.005 * rng.normal(size=(H, W))

    ref = torch.nn.functional.avg_pool2d(torch.from_numpy(img)[None, None], k, stride=1,
                                         padding=k // 2, count_include_pad=False)[0, 0].numpy()
    assert np.allclose(local_mean(img, k), ref, atol=1e-12)  # the window mean matches torch
    g = (img - img.mean()) / img.std()  # GCN (s = 1, lambda = 0)
    out = lcn(img, k)
    left, right = slice(3, W // 2 - 6), slice(W // 2 + 6, W - 3)  # away from the shadow border and edges
    contrast = lambda X, cols: X[k:-k, cols].std()  # noqa: E731  the standard deviation inside a block
    for name, X in [("original", img), ("GCN", g), ("LCN", out)]:
        print(f"{name:8s} stripe contrast, shadow / sunlit = {contrast(X, left) / contrast(X, right):.3f}")
    assert contrast(g, left) / contrast(g, right) < 0.2  # GCN keeps the shadow's edges faint
    assert 0.9 < contrast(out, left) / contrast(out, right) < 1.1  # LCN makes them as strong as in the light
    # the stripes are vertical, so variation down a column is pure noise: LCN boosts it in the shadow
    noise = [out[k:-k, cols].std(axis=0).mean() for cols in (left, right)]
    print(f"LCN noise level, shadow / sunlit = {noise[0] / noise[1]:.1f}")
    assert noise[0] > 3 * noise[1]

    fig, axes = plt.subplots(1, 3, figsize=(6, 1.6))
    for ax, (name, X) in zip(axes, [("original", img), ("GCN", g), ("LCN", out)]):
        ax.imshow(X, cmap="gray", interpolation="nearest")
        ax.set_title(name, fontsize=9)
        ax.set_axis_off()
    plt.show()
