"""Model parallelism: one layer's weights split across two workers, outputs stitched together."""
import torch

torch.manual_seed(0)
x = torch.randn(32, 512, dtype=torch.float64)          # one batch, seen by both workers
layer = torch.nn.Linear(512, 1024).double()
W, b = layer.weight.detach(), layer.bias.detach()      # W: (1024 outputs, 512 inputs)

# Split by output units: each worker holds half the rows of W and computes half the outputs.
W_a, W_b = W.chunk(2, dim=0)
b_a, b_b = b.chunk(2)
y_out_split = torch.cat([x @ W_a.T + b_a, x @ W_b.T + b_b], dim=1)   # concatenate (all-gather)

# Split by input features: each worker holds half the columns of W and that half of x.
(W_1, W_2), (x_1, x_2) = W.chunk(2, dim=1), x.chunk(2, dim=1)
y_in_split = x_1 @ W_1.T + x_2 @ W_2.T + b                           # add partial sums (all-reduce)

full = layer(x).detach()
print(f"weights per worker: {W_a.numel()} of {W.numel()}")
print(f"output split, max |diff| from one device: {(y_out_split - full).abs().max():.1e}")
print(f"input split,  max |diff| from one device: {(y_in_split - full).abs().max():.1e}")
assert torch.allclose(y_out_split, full, atol=1e-12)
assert torch.allclose(y_in_split, full, atol=1e-12)
