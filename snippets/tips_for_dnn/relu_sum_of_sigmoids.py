"""Many sigmoids with shifted biases add up to softplus, which ReLU approximates."""
import torch

torch.set_default_dtype(torch.float64)
x = torch.arange(-500, 501) / 100  # x[500] is exactly 0
n = 200
shifts = torch.arange(1, n + 1) - 0.5
# sum_i sigmoid(x - i + 0.5) is a midpoint sum of the integral of sigmoid(x - b) over b in [0, n],
# and that integral is log(1 + e^x) - log(1 + e^(x - n)), i.e. softplus(x) up to a negligible tail.
total = torch.sigmoid(x[:, None] - shifts[None, :]).sum(dim=1)
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
