"""Unsupervised learning with a GAN: map one collection onto another without a single paired example."""
import torch
import torch.nn.functional as F


def discriminator(x: torch.Tensor, d: torch.Tensor, pool: torch.Tensor) -> torch.Tensor:
    """The discriminator's logit ("real?") for each value: d0 u + d1 u^2 + d2, u standardized.

    The values are standardized with the mean and standard deviation of ``pool`` (the real and
    generated values of the batch, as a normalization layer would), so that the quadratic term
    can compare spreads at any scale.

    Args:
        x: the values to judge, shape (n,).
        d: the discriminator's parameters, shape (3,).
        pool: the batch the statistics come from, shape (m,).

    Returns:
        The logits, shape (n,).

    Examples:
        >>> discriminator(torch.tensor([0.0, 2.0]), torch.tensor([1.0, 1.0, 0.0]), torch.tensor([0.0, 2.0]))
        tensor([-0.2071,  1.2071])
    """
    pool = pool.detach()
    u = (x - pool.mean()) / pool.std()
    return d[0] * u + d[1] * u**2 + d[2]


def train_gan(source: torch.Tensor, target: torch.Tensor, steps: int = 300, batch: int = 256,
              lr_g: float = 0.02, lr_d: float = 0.05) -> torch.Tensor:
    """Train a generator G(x) = a x + b against the discriminator: G on ``source`` should look like ``target``.

    Each step draws a batch from each collection independently (never a pair), takes one Adam step
    on the discriminator's cross entropy (real = 1, generated = 0) and one on the generator's
    (generated = 1: fool the discriminator). Batches come from torch's global generator.

    Args:
        source: values from the input collection, shape (n_s,).
        target: values from the output collection, shape (n_t,); any size, not paired with source.
        steps: the number of steps.
        batch: values drawn from each collection per step.
        lr_g: Adam's learning rate for the generator.
        lr_d: Adam's learning rate for the discriminator.

    Returns:
        The generator's (a, b), shape (2,).

    Examples:
        >>> train_gan(torch.zeros(4), torch.ones(4), steps=0).tolist()  # no step: G is the identity
        [1.0, 0.0]
    """
    g = torch.tensor([1.0, 0.0], dtype=source.dtype, requires_grad=True)
    d = torch.zeros(3, dtype=source.dtype, requires_grad=True)
    opt_g = torch.optim.Adam([g], lr=lr_g, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam([d], lr=lr_d, betas=(0.5, 0.999))
    ones, zeros = torch.ones(batch, dtype=source.dtype), torch.zeros(batch, dtype=source.dtype)
    for _ in range(steps):
        x = source[torch.randint(0, len(source), (batch,))]
        real = target[torch.randint(0, len(target), (batch,))]
        fake = g[0] * x + g[1]
        pool = torch.cat([real, fake])
        loss_d = (F.binary_cross_entropy_with_logits(discriminator(real, d, pool), ones)
                  + F.binary_cross_entropy_with_logits(discriminator(fake.detach(), d, pool), zeros))
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        loss_g = F.binary_cross_entropy_with_logits(discriminator(fake, d, pool), ones)
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
    return g.detach()


if __name__ == "__main__":
    torch.manual_seed(0)
    photos = torch.randn(2000, dtype=torch.float64)  # the input collection (one number stands for a photo)
    drawings = 4 + 0.5 * torch.randn(1500, dtype=torch.float64)  # the output collection: other items, other size
    q = torch.tensor([0.25, 0.5, 0.75], dtype=torch.float64)
    before = torch.quantile(photos, q)
    a, b = train_gan(photos, drawings)
    after, goal = torch.quantile(a * photos + b, q), torch.quantile(drawings, q)
    print(f"quartiles of the drawings:             {goal.numpy().round(2)}")
    print(f"quartiles of G(photos), before training: {before.numpy().round(2)}")
    print(f"quartiles of G(photos), after training:  {after.numpy().round(2)}   (G(x) = {a:.2f} x + {b:.2f})")
    assert (before - goal).abs().max() > 3  # at the start, G's outputs look nothing like drawings
    assert (after - goal).abs().max() < 0.1  # after training they are distributed like the drawings
