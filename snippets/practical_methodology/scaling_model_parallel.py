"""Model parallelism: one layer's weights split across two workers, outputs stitched together."""
import torch


def split_by_outputs(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor, workers: int) -> torch.Tensor:
    """x @ W.T + b with each worker holding a block of rows of W (some output units); outputs concatenated.

    Args:
        x: the inputs, shape (n, d_in), seen by every worker.
        W: the weights, shape (d_out, d_in); b: the biases, shape (d_out,).
        workers: the number of workers (an all-gather joins their outputs).

    Returns:
        The layer's output, shape (n, d_out).

    Examples:
        >>> split_by_outputs(torch.ones(1, 2), torch.tensor([[1.0, 2.0], [3.0, 4.0]]), torch.zeros(2), 2).tolist()
        [[3.0, 7.0]]
    """
    return torch.cat([x @ Wk.T + bk for Wk, bk in zip(W.chunk(workers, dim=0), b.chunk(workers))], dim=1)


def split_by_inputs(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor, workers: int) -> torch.Tensor:
    """x @ W.T + b with each worker holding a block of columns of W and the matching features of x.

    Args:
        x: the inputs, shape (n, d_in); worker k sees only its block of features.
        W: the weights, shape (d_out, d_in); b: the biases, shape (d_out,).
        workers: the number of workers (an all-reduce sums their partial products).

    Returns:
        The layer's output, shape (n, d_out).

    Examples:
        >>> split_by_inputs(torch.ones(1, 2), torch.tensor([[1.0, 2.0], [3.0, 4.0]]), torch.zeros(2), 2).tolist()
        [[3.0, 7.0]]
    """
    return sum(xk @ Wk.T for xk, Wk in zip(x.chunk(workers, dim=1), W.chunk(workers, dim=1))) + b


if __name__ == "__main__":
    torch.manual_seed(0)
    x = torch.randn(32, 512, dtype=torch.float64)  # one batch
    layer = torch.nn.Linear(512, 1024).double()
    W, b = layer.weight.detach(), layer.bias.detach()  # W: (1024 outputs, 512 inputs)
    full = layer(x).detach()
    print(f"weights per worker: {W.numel() // 2} of {W.numel()}")
    for name, split in [("output split", split_by_outputs), ("input split", split_by_inputs)]:
        diff = (split(x, W, b, workers=2) - full).abs().max().item()
        print(f"{name + ',':13s} max |diff| from one device: {'< 1e-12' if diff < 1e-12 else f'{diff:.1e}'}")
        assert diff < 1e-12
