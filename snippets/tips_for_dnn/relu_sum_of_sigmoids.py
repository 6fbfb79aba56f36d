"""Many sigmoids with shifted biases add up to softplus, which ReLU approximates."""
import torch


def shifted_sigmoid_sum(x: torch.Tensor, n: int) -> torch.Tensor:
    """sum_{i=1}^{n} sigmoid(x - i + 1/2): a midpoint sum of the integral of sigmoid(x - b) over b in [0, n].

    The integral is log(1 + e^x) - log(1 + e^(x - n)), that is softplus(x) up to a tail that vanishes for x << n.

    Args:
        x: the inputs, shape (m,).
        n: the number of sigmoids.

    Returns:
        The sums, shape (m,).

    Examples:
        >>> shifted_sigmoid_sum(torch.tensor([0.0, 3.0], dtype=torch.float64), 200).round(decimals=4).tolist()
        [0.6826, 3.0467]
    """
    shifts = torch.arange(1, n + 1, dtype=x.dtype) - 0.5
    return torch.sigmoid(x[:, None] - shifts[None, :]).sum(dim=1)


if __name__ == "__main__":
    torch.set_default_dtype(torch.float64)
    x = torch.arange(-500, 501) / 100  # x[500] is exactly 0
    n = 200
    total = shifted_sigmoid_sum(x, n)
    softplus = torch.nn.functional.softplus(x)
    relu = torch.relu(x)
    gap_softplus = (total - softplus).abs().max().item()
    gap_relu = (total - relu).abs().max().item()
    at_zero = total[500].item()
    print(f"{n} shifted sigmoids vs softplus: max gap {gap_softplus:.4f}")
    print(f"{n} shifted sigmoids vs ReLU:     max gap {gap_relu:.4f}")
    print(f"at x = 0: sum {at_zero:.4f}, softplus(0) = ln 2 = {softplus[500].item():.4f}, ReLU(0) = 0")
    assert gap_softplus < 0.02
    assert gap_relu > 0.6 and abs(at_zero - gap_relu) < 1e-12  # the largest gap sits at the corner
    # Far from 0 the three curves agree: ReLU is the sum's shape with the corner made sharp.
    far = x.abs() > 4
    assert (total - relu)[far].abs().max() < 0.03
