"""Flips, shifts and noise on a toy image batch; augmenting the training set helps 1-NN."""
import matplotlib.pyplot as plt
import torch

ART = ["#...|#...|#...|###.", "####|..#.|..#.|..#.", "####|#..#|#..#|####", "#...|.#..|..#.|...#"]


def glyph_images(art: list[str], size: int) -> torch.Tensor:
    """Images of 4 x 4 glyphs drawn as text ("#" = ink, rows split by "|"), centred in size x size.

    Args:
        art: one string per glyph.
        size: the side of the images, at least 4.

    Returns:
        A batch of shape (len(art), 1, size, size), values 0 or 1.

    Examples:
        >>> glyph_images(["#...|....|....|...."], 6)[0, 0, 1].tolist()
        [0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
    """
    images = torch.zeros(len(art), 1, size, size)
    o = (size - 4) // 2
    for i, a in enumerate(art):
        images[i, 0, o:o + 4, o:o + 4] = torch.tensor([[c == "#" for c in row] for row in a.split("|")]).float()
    return images


def hflip(x: torch.Tensor) -> torch.Tensor:
    """Mirror a batch of images left-right.

    Args:
        x: images, shape (N, C, H, W).

    Returns:
        The mirrored images, shape (N, C, H, W).

    Examples:
        >>> hflip(torch.tensor([[[[1.0, 2.0, 3.0]]]])).tolist()
        [[[[3.0, 2.0, 1.0]]]]
    """
    return torch.flip(x, dims=[-1])


def shift(x: torch.Tensor, dy: int, dx: int) -> torch.Tensor:
    """Translate a batch of images by (dy, dx) pixels, filling with zeros.

    Args:
        x: images, shape (N, C, H, W).
        dy: rows down (negative: up).
        dx: columns right (negative: left).

    Returns:
        The shifted images, shape (N, C, H, W).

    Examples:
        >>> shift(torch.tensor([[[[1.0, 2.0, 3.0]]]]), 0, 1).tolist()
        [[[[0.0, 1.0, 2.0]]]]
    """
    out = torch.zeros_like(x)
    H, W = x.shape[-2:]
    out[..., max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
        x[..., max(-dy, 0):H + min(-dy, 0), max(-dx, 0):W + min(-dx, 0)]
    return out


def add_noise(x: torch.Tensor, sigma: float) -> torch.Tensor:
    """Add Gaussian pixel noise of standard deviation sigma (from torch's global generator).

    Args:
        x: images, shape (N, C, H, W).
        sigma: the noise's standard deviation.

    Returns:
        x + sigma * N(0, 1) noise, shape (N, C, H, W).

    Examples:
        >>> torch.equal(add_noise(torch.ones(1, 1, 2, 2), 0.0), torch.ones(1, 1, 2, 2))
        True
    """
    return x + sigma * torch.randn_like(x)


def center_row(x: torch.Tensor) -> torch.Tensor:
    """The row coordinate of each image's centre of mass.

    Args:
        x: images, shape (N, C, H, W), non-negative, none empty.

    Returns:
        Shape (N, C).

    Examples:
        >>> center_row(torch.tensor([[[[0.0], [1.0], [1.0]]]])).tolist()
        [[1.5]]
    """
    return (x.sum(-1) * torch.arange(x.shape[-2])).sum(-1) / x.sum((-2, -1))


def random_view(x: torch.Tensor, sigma: float = 0.3) -> torch.Tensor:
    """A random shift of up to 1 pixel each way, a random left-right flip and pixel noise, per image.

    Args:
        x: images, shape (N, C, H, W).
        sigma: the noise's standard deviation.

    Returns:
        The random views, shape (N, C, H, W).

    Examples:
        >>> random_view(torch.zeros(3, 1, 5, 5), sigma=0.0).abs().sum().item()
        0.0
    """
    out = torch.stack([shift(xi[None], *torch.randint(-1, 2, (2,)).tolist())[0] for xi in x])
    flip = torch.rand(len(x)) < 0.5
    out[flip] = hflip(out[flip])
    return add_noise(out, sigma)


def nn_accuracy(train_x: torch.Tensor, train_y: torch.Tensor, test_x: torch.Tensor, test_y: torch.Tensor) -> float:
    """The accuracy of 1-nearest-neighbour classification in pixel space.

    Args:
        train_x: training images, shape (n, C, H, W).
        train_y: their labels, shape (n,).
        test_x: test images, shape (m, C, H, W).
        test_y: their labels, shape (m,).

    Returns:
        The fraction of test images whose nearest training image has their label.

    Examples:
        >>> nn_accuracy(torch.eye(2).reshape(2, 1, 1, 2), torch.tensor([0, 1]),
        ...             torch.tensor([[[[0.9, 0.2]]]]), torch.tensor([0]))
        1.0
    """
    d = torch.cdist(test_x.flatten(1), train_x.flatten(1))
    return (train_y[d.argmin(1)] == test_y).float().mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    glyphs = glyph_images(ART, 10)  # an L, a T, a ring and a diagonal, 4 x 4 in the middle of 10 x 10
    labels = torch.arange(len(ART))
    assert torch.equal(hflip(hflip(glyphs)), glyphs)  # a flip is its own inverse
    assert torch.allclose(center_row(shift(glyphs, 2, -1)), center_row(glyphs) + 2)
    assert torch.equal(shift(glyphs, 2, 1).sum((-2, -1)), glyphs.sum((-2, -1)))  # nothing falls off
    noise = add_noise(glyphs, 0.3) - glyphs
    assert abs(noise.std().item() - 0.3) < 0.03

    offsets = [(dy, dx) for dy in range(-1, 2) for dx in range(-1, 2)]
    aug_x = torch.cat([shift(g, dy, dx) for g in (glyphs, hflip(glyphs)) for dy, dx in offsets])
    aug_y = labels.repeat(2 * len(offsets))
    test_y = labels.repeat(100)
    test_x = random_view(glyphs[test_y])
    plain, augmented = nn_accuracy(glyphs, labels, test_x, test_y), nn_accuracy(aug_x, aug_y, test_x, test_y)
    print(f"training images: {len(glyphs)} originals -> {len(aug_x)} after flips and shifts")
    print(f"1-NN accuracy on {len(test_x)} shifted, flipped, noisy test images:")
    print(f"  trained on the originals only: {plain:.3f}")
    print(f"  trained on the augmented set:  {augmented:.3f}")
    assert augmented > plain + 0.2 and augmented > 0.95

    views = [glyphs[0, 0], hflip(glyphs)[0, 0], shift(glyphs, 1, -1)[0, 0],
             add_noise(glyphs, 0.3)[0, 0], test_x[4, 0]]
    titles = ["original", "flipped", "shifted (1, -1)", "noise 0.3", "random view"]
    fig, axes = plt.subplots(1, 5, figsize=(7.5, 1.9))
    for ax, im, t in zip(axes, views, titles):
        ax.imshow(im.numpy(), cmap="gray_r", vmin=-0.5, vmax=1.5)
        ax.set(xticks=[], yticks=[], title=t)
    plt.show()
