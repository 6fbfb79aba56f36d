"""A convolution is a dense layer with tied weights: far fewer parameters, equivariant to shifts."""
import torch
from torch import nn


def shift(t: torch.Tensor, dy: int = 3, dx: int = -5) -> torch.Tensor:
    """Roll images by dy rows down and dx columns right, wrapping around at the borders.

    Args:
        t: images, shape (N, C, H, W).
        dy: rows to move down.
        dx: columns to move right (negative: left).

    Returns:
        The shifted images, shape (N, C, H, W).

    Examples:
        >>> shift(torch.arange(3.0).reshape(1, 1, 1, 3), 0, 1).tolist()
        [[[[2.0, 0.0, 1.0]]]]
    """
    return torch.roll(t, shifts=(dy, dx), dims=(-2, -1))


def conv_as_matrix(conv: nn.Conv2d, H: int, W: int) -> torch.Tensor:
    """The single-channel convolution ``conv`` written as a dense (H W) x (H W) matrix.

    Args:
        conv: a convolution with one input and one output channel that keeps the image size.
        H: the image height.
        W: the image width.

    Returns:
        M of shape (H W, H W) with conv(x).flatten() = M @ x.flatten(); column j is the response to pixel j.

    Examples:
        >>> conv = nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular", bias=False)
        >>> _ = conv.weight.data.fill_(1.0)
        >>> conv_as_matrix(conv, 4, 4).sum(0).tolist() == [9.0] * 16  # every pixel reaches 9 outputs
        True
    """
    with torch.no_grad():
        basis = torch.eye(H * W, dtype=conv.weight.dtype).reshape(-1, 1, H, W)
        return conv(basis).reshape(H * W, H * W).T


def dense_on_images(dense: nn.Linear, t: torch.Tensor) -> torch.Tensor:
    """A dense layer applied to flattened images, reshaped back to images.

    Args:
        dense: a linear layer from H W to H W features.
        t: images, shape (N, 1, H, W).

    Returns:
        Shape (N, 1, H, W).

    Examples:
        >>> dense = nn.Linear(4, 4, bias=False)
        >>> _ = dense.weight.data.copy_(torch.eye(4))
        >>> dense_on_images(dense, torch.ones(1, 1, 2, 2)).shape
        torch.Size([1, 1, 2, 2])
    """
    return dense(t.flatten(1)).reshape(t.shape)


if __name__ == "__main__":
    torch.manual_seed(0)
    H = W = 28
    conv = nn.Conv2d(1, 1, kernel_size=3, padding=1, padding_mode="circular", bias=False).double()
    dense = nn.Linear(H * W, H * W, bias=False).double()  # same input and output size
    n_conv = sum(p.numel() for p in conv.parameters())
    n_dense = sum(p.numel() for p in dense.parameters())
    print(f"parameters for a {H}x{W} -> {H}x{W} map:  conv {n_conv}   dense {n_dense}  "
          f"(ratio {n_dense // n_conv})")
    assert n_conv == 9 and n_dense == (H * W) ** 2

    with torch.no_grad():
        # Written as a dense matrix, the convolution repeats its 9 weights in every row.
        M = conv_as_matrix(conv, H, W)
        x = torch.randn(1, 1, H, W, dtype=torch.float64)
        assert torch.allclose(M @ x.flatten(), conv(x).flatten(), atol=1e-12)
        nonzero = M[M != 0]
        distinct = torch.unique(nonzero)
        print(f"as a dense matrix: {M.numel()} entries, {nonzero.numel()} nonzero, "
              f"{distinct.numel()} distinct values")
        assert distinct.numel() == 9 and torch.allclose(distinct, conv.weight.flatten().sort().values)

        # Equivariance: shifting the input shifts the output by the same amount.
        gap_conv = (conv(shift(x)) - shift(conv(x))).abs().max().item()
        change = (conv(shift(x)) - conv(x)).abs().max().item()
        gap_dense = (dense_on_images(dense, shift(x)) - shift(dense_on_images(dense, x))).abs().max().item()
        print(f"max |conv(shift x) - shift(conv x)|   = {'< 1e-12' if gap_conv < 1e-12 else f'{gap_conv:.1e}'}"
              f"   (equivariant)")
        print(f"max |conv(shift x) - conv x|          = {change:.2f}      (not invariant)")
        print(f"max |dense(shift x) - shift(dense x)| = {gap_dense:.2f}      (dense: not equivariant)")
        assert gap_conv < 1e-12 and change > 0.5 and gap_dense > 0.5

        # Pooling over all positions after the convolution gives invariance.
        pooled_gap = (conv(shift(x)).amax((-2, -1)) - conv(x).amax((-2, -1))).abs().item()
        print(f"global max pool: |pool(conv(shift x)) - pool(conv x)| = "
              f"{'< 1e-12' if pooled_gap < 1e-12 else f'{pooled_gap:.1e}'}   (invariant)")
        assert pooled_gap < 1e-12

        # Downsampling (stride 2) keeps equivariance only for even shifts.
        def conv_s2(t: torch.Tensor) -> torch.Tensor:  # a stride-2 convolution
            return conv(t)[..., ::2, ::2]

        even = (conv_s2(shift(x, 0, 2)) - shift(conv_s2(x), 0, 1)).abs().max().item()
        odd = (conv_s2(shift(x, 0, 1)).amax() - conv_s2(x).amax()).abs().item()
        print(f"stride 2: shift by 2 -> output shifts by 1 (gap {'< 1e-12' if even < 1e-12 else f'{even:.1e}'}); "
              f"shift by 1 changes the pooled output by {odd:.3f}")
        assert even < 1e-12 and odd > 1e-3
