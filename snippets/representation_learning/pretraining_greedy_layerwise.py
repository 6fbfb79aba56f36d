"""Greedy layer-wise pretraining: a stack of autoencoders, trained one layer at a time, as the starting point
of a deep sigmoid network fine-tuned by SGD; 8 independent problems are run side by side."""
from collections.abc import Callable

import torch
import torch.nn.functional as F


def init_layers(R: int, dims: list[int]) -> list[list[torch.Tensor]]:
    """R independent copies of a stack of linear layers, drawn like ``nn.Linear``'s default, U(+-1/sqrt(fan_in)).

    Args:
        R: the number of independent copies (problems).
        dims: the layer sizes, input first.

    Returns:
        One [W, b] per layer, W of shape (R, fan_in, fan_out) and b of shape (R, 1, fan_out), requiring grad.

    Examples:
        >>> [[tuple(p.shape) for p in layer] for layer in init_layers(3, [5, 4, 2])]
        [[(3, 5, 4), (3, 1, 4)], [(3, 4, 2), (3, 1, 2)]]
    """
    return [[((torch.rand(R, *shape, dtype=torch.float64) * 2 - 1) / a**0.5).requires_grad_()
              for shape in ((a, b), (1, b))] for a, b in zip(dims, dims[1:])]


def forward(x: torch.Tensor, layers: list[list[torch.Tensor]], linear_last: bool = False) -> torch.Tensor:
    """Run x through sigmoid layers (each copy through its own weights); the last one linear if asked.

    Args:
        x: the inputs, shape (R, n, fan_in).
        layers: [W, b] per layer, as from ``init_layers``.
        linear_last: leave the last layer without the sigmoid (an output or decoder layer).

    Returns:
        The outputs, shape (R, n, fan_out of the last layer).

    Examples:
        >>> W, b = torch.zeros(1, 2, 1, dtype=torch.float64), torch.zeros(1, 1, 1, dtype=torch.float64)
        >>> forward(torch.ones(1, 3, 2, dtype=torch.float64), [[W, b]]).flatten().tolist()  # sigmoid(0)
        [0.5, 0.5, 0.5]
    """
    for i, (W, b) in enumerate(layers):
        x = torch.baddbmm(b, x, W)
        x = x if linear_last and i == len(layers) - 1 else torch.sigmoid(x)
    return x


def train(params: list[torch.Tensor], loss: Callable[[], torch.Tensor], steps: int, opt: torch.optim.Optimizer) -> tuple[float, float]:
    """Minimise loss() (one value per copy, shape (R,)) by ``opt``; the copies are independent, so their sum is used.

    Args:
        params: the tensors ``opt`` updates.
        loss: returns the loss of every copy, shape (R,).
        steps: the number of full-batch steps.
        opt: an optimizer over ``params``.

    Returns:
        The mean loss over the copies before the first and after the last step.

    Examples:
        >>> w = torch.ones(2, requires_grad=True)
        >>> train([w], lambda: w**2, 50, torch.optim.SGD([w], lr=0.1))[0]
        1.0
    """
    first = loss().mean().item()
    for _ in range(steps):
        opt.zero_grad()
        loss().sum().backward()
        opt.step()
    return first, loss().mean().item()


def pretrain_stack(x: torch.Tensor, widths: list[int], steps: int = 60) -> tuple[list[list[torch.Tensor]], list]:
    """Greedy layer-wise pretraining: autoencoder k learns to reconstruct the codes of layer k - 1 (frozen).

    Args:
        x: unlabelled inputs, shape (R, n, d).
        widths: the width of each layer.
        steps: Adam steps per autoencoder.

    Returns:
        (the encoders, [W, b] per layer, detached; the (first, last) reconstruction MSE of each stage).

    Examples:
        >>> stack, mse = pretrain_stack(torch.rand(2, 30, 4, dtype=torch.float64), [3], steps=100)
        >>> len(stack), mse[0][1] < mse[0][0]
        (1, True)
    """
    h, stack, mses = x, [], []
    for width in widths:
        enc, dec = init_layers(len(x), [h.shape[-1], width, h.shape[-1]])
        params = enc + dec
        mses.append(train(params, lambda: ((forward(h, [enc, dec], True) - h) ** 2).mean((1, 2)), steps,
                          torch.optim.Adam(params, lr=0.02)))
        stack.append([p.detach() for p in enc])
        with torch.no_grad():
            h = forward(h, [enc])  # the next stage sees only these codes: this layer is done
    return stack, mses


if __name__ == "__main__":
    torch.manual_seed(0)
    R, d, widths = 8, 20, [8, 8, 8]
    mix = torch.randn(R, 2, d, dtype=torch.float64)  # each problem: its own nonlinear 2-D -> 20-D mixing

    def make_data(n: int) -> tuple[torch.Tensor, torch.Tensor]:  # label: the latent z lies above a sine
        z = torch.rand(R, n, 2, dtype=torch.float64) * 4 - 2
        x = torch.tanh(z @ mix) + 0.05 * torch.randn(R, n, d, dtype=torch.float64)
        return x, (z[..., 1] > torch.sin(2 * z[..., 0])).long()

    x_unlab, _ = make_data(200)  # inputs without labels
    (x_lab, y_lab), (x_test, y_test) = make_data(40), make_data(1000)  # only 40 labelled examples
    stack, mses = pretrain_stack(x_unlab, widths)
    for k, (first, last) in enumerate(mses):
        print(f"layer {k + 1} autoencoder: reconstruction MSE {first:.3f} -> {last:.4f}")
        assert last < 0.3 * first

    def fine_tune(trunk: list, make_opt: Callable) -> torch.Tensor:  # whole net on the 40 labels; test accuracy
        net = [[p.detach().clone().requires_grad_() for p in layer] for layer in trunk] + init_layers(R, [widths[-1], 2])
        params = [p for layer in net for p in layer]
        ce = lambda: F.cross_entropy(forward(x_lab, net, True).transpose(1, 2), y_lab, reduction="none").mean(1)
        train(params, ce, 150, make_opt(params))
        with torch.no_grad():
            return (forward(x_test, net, True).argmax(-1) == y_test).double().mean(1)

    sgd = lambda params: torch.optim.SGD(params, lr=0.5)
    acc_pre = fine_tune(stack, sgd)
    acc_rand = fine_tune(init_layers(R, [d, *widths]), sgd)
    acc_adam = fine_tune(init_layers(R, [d, *widths]), lambda params: torch.optim.Adam(params, lr=0.01))
    wins = int((acc_pre > acc_rand).sum())
    print(f"test accuracy after SGD on 40 labels, mean of {R}: pretrained start {acc_pre.mean():.3f},"
          f" random start {acc_rand.mean():.3f}; pretrained better in {wins} of {R}")
    print(f"random start trained with Adam instead: {acc_adam.mean():.3f}")
    assert wins >= 0.75 * R and acc_pre.mean() > 0.8  # the pretrained start usually helps SGD, by a lot ...
    assert acc_adam.mean() > acc_pre.mean() - 0.03  # ... and a modern optimizer from a random start catches up
