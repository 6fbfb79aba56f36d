"""Flips, shifts and noise on a toy image batch; augmenting the training set helps 1-NN."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
S = 10  # images are S x S, one channel
ART = ["#...|#...|#...|###.", "####|..#.|..#.|..#.", "####|#..#|#..#|####", "#...|.#..|..#.|...#"]
glyphs = torch.zeros(len(ART), 1, S, S)  # an L, a T, a ring and a diagonal, 4 x 4 in the middle
for i, art in enumerate(ART):
    glyphs[i, 0, 3:7, 3:7] = torch.tensor([[c == "#" for c in row] for row in art.split("|")]).float()
labels = torch.arange(len(ART))


def hflip(x):
    """Mirror a batch (N, C, H, W) left-right."""
    return torch.flip(x, dims=[-1])


def shift(x, dy, dx):
    """Translate a batch (N, C, H, W) by (dy, dx) pixels, filling with zeros."""
    out = torch.zeros_like(x)
    H, W = x.shape[-2:]
    out[..., max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
        x[..., max(-dy, 0):H + min(-dy, 0), max(-dx, 0):W + min(-dx, 0)]
    return out


def add_noise(x, sigma):
    """Add Gaussian pixel noise of standard deviation sigma."""
    return x + sigma * torch.randn_like(x)


def center_row(x):
    """Row coordinate of each image's center of mass, (N, C)."""
    return (x.sum(-1) * torch.arange(S)).sum(-1) / x.sum((-2, -1))


assert torch.equal(hflip(hflip(glyphs)), glyphs)                 # a flip is its own inverse
assert torch.allclose(center_row(shift(glyphs, 2, -1)), center_row(glyphs) + 2)
assert torch.equal(shift(glyphs, 2, 1).sum((-2, -1)), glyphs.sum((-2, -1)))  # nothing falls off
noise = add_noise(glyphs, 0.3) - glyphs
assert abs(noise.std().item() - 0.3) < 0.03


def random_view(x, sigma=0.3):
    """A random flip, a shift of up to 1 pixel each way and pixel noise, per image."""
    out = torch.stack([shift(xi[None], *torch.randint(-1, 2, (2,)).tolist())[0] for xi in x])
    flip = torch.rand(len(x)) < 0.5
    out[flip] = hflip(out[flip])
    return add_noise(out, sigma)


offsets = [(dy, dx) for dy in range(-1, 2) for dx in range(-1, 2)]
aug_x = torch.cat([shift(g, dy, dx) for g in (glyphs, hflip(glyphs)) for dy, dx in offsets])
aug_y = labels.repeat(2 * len(offsets))
test_y = labels.repeat(100)
test_x = random_view(glyphs[test_y])


def nn_accuracy(train_x, train_y):
    """1-nearest-neighbor accuracy on the test views."""
    d = torch.cdist(test_x.flatten(1), train_x.flatten(1))
    return (train_y[d.argmin(1)] == test_y).float().mean().item()


plain, augmented = nn_accuracy(glyphs, labels), nn_accuracy(aug_x, aug_y)
print(f"training images: {len(glyphs)} originals -> {len(aug_x)} after flips and shifts")
print(f"1-NN accuracy on {len(test_x)} shifted, flipped, noisy test images:")
print(f"  trained on the originals only: {plain:.3f}")
print(f"  trained on the augmented set:  {augmented:.3f}")
assert augmented > plain + 0.2 and augmented > 0.95

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
views = [glyphs[0, 0], hflip(glyphs)[0, 0], shift(glyphs, 1, -1)[0, 0],
         add_noise(glyphs, 0.3)[0, 0], test_x[4, 0]]
titles = ["original", "flipped", "shifted (1, -1)", "noise 0.3", "random view"]
fig, axes = plt.subplots(1, 5, figsize=(7.5, 1.9))
for ax, im, t in zip(axes, views, titles):
    ax.imshow(im.numpy(), cmap="gray_r", vmin=-0.5, vmax=1.5)
    ax.set(xticks=[], yticks=[], title=t)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
