"""A convolution is a dense layer with tied weights: far fewer parameters, equivariant to shifts."""
import torch
from torch import nn

torch.manual_seed(0)
H = W = 28
conv = nn.Conv2d(1, 1, kernel_size=3, padding=1, padding_mode="circular", bias=False).double()
dense = nn.Linear(H * W, H * W, bias=False).double()  # same input and output size
n_conv = sum(p.numel() for p in conv.parameters())
n_dense = sum(p.numel() for p in dense.parameters())
print(f"parameters for a {H}x{W} -> {H}x{W} map:  conv {n_conv}   dense {n_dense}  "
      f"(ratio {n_dense // n_conv})")
assert n_conv == 9 and n_dense == (H * W) ** 2



def shift(t):
    """Roll images (N, C, H, W) by 3 rows down and 5 columns left, wrapping around."""
    return torch.roll(t, shifts=(3, -5), dims=(-2, -1))


def dense_out(t):
    """The dense layer applied to images (N, 1, H, W), reshaped back to images."""
    return dense(t.flatten(1)).reshape(t.shape)


def conv_s2(t):
    """A stride-2 convolution: the stride-1 output sampled at every other row and column."""
    return conv(t)[..., ::2, ::2]


# Written as a dense matrix, the convolution repeats its 9 weights in every row.
with torch.no_grad():
    basis = torch.eye(H * W, dtype=torch.float64).reshape(-1, 1, H, W)
    M = conv(basis).reshape(H * W, H * W).T  # column j = response to pixel j
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
    gap_dense = (dense_out(shift(x)) - shift(dense_out(x))).abs().max().item()
    print(f"max |conv(shift x) - shift(conv x)|   = {gap_conv:.1e}   (equivariant)")
    print(f"max |conv(shift x) - conv x|          = {change:.2f}      (not invariant)")
    print(f"max |dense(shift x) - shift(dense x)| = {gap_dense:.2f}      (dense: not equivariant)")
    assert gap_conv < 1e-12 and change > 0.5 and gap_dense > 0.5

    # Pooling over all positions after the convolution gives invariance.
    pooled_gap = (conv(shift(x)).amax((-2, -1)) - conv(x).amax((-2, -1))).abs().item()
    print(f"global max pool: |pool(conv(shift x)) - pool(conv x)| = {pooled_gap:.1e}   (invariant)")
    assert pooled_gap < 1e-12

    # Downsampling (stride 2) keeps equivariance only for even shifts.
    even = (conv_s2(torch.roll(x, 2, -1)) - torch.roll(conv_s2(x), 1, -1)).abs().max().item()
    odd = (conv_s2(torch.roll(x, 1, -1)).amax() - conv_s2(x).amax()).abs().item()
    print(f"stride 2: shift by 2 -> output shifts by 1 (gap {even:.1e}); "
          f"shift by 1 changes the pooled output by {odd:.3f}")
    assert even < 1e-12 and odd > 1e-3
