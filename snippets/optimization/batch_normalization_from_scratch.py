"""Batch normalization from scratch vs torch.nn.BatchNorm1d, in training and in eval mode."""
import torch

torch.manual_seed(0)
F_, B, momentum, eps = 4, 16, 0.1, 1e-5


def batchnorm_train(x, gamma, beta, run_mean, run_var):
    """Normalise x (B, F) with the batch's statistics; return (y, new running mean, new running var).

    Matches torch.nn.BatchNorm1d in training mode: the biased variance normalises the batch,
    the unbiased one (divide by B - 1) updates the running estimate.
    """
    mu = x.mean(dim=0)
    var_biased = ((x - mu) ** 2).mean(dim=0)
    y = gamma * (x - mu) / torch.sqrt(var_biased + eps) + beta
    var_unbiased = var_biased * x.shape[0] / (x.shape[0] - 1)
    run_mean = (1 - momentum) * run_mean + momentum * mu
    run_var = (1 - momentum) * run_var + momentum * var_unbiased
    return y, run_mean, run_var


def batchnorm_eval(x, gamma, beta, run_mean, run_var):
    """Normalise x (B, F) with the running statistics; matches BatchNorm1d in eval mode."""
    return gamma * (x - run_mean) / torch.sqrt(run_var + eps) + beta


bn = torch.nn.BatchNorm1d(F_, eps=eps, momentum=momentum, dtype=torch.float64)
with torch.no_grad():
    bn.weight.copy_(torch.rand(F_, dtype=torch.float64) + 0.5)   # gamma
    bn.bias.copy_(torch.randn(F_, dtype=torch.float64))          # beta
gamma, beta = bn.weight.detach().clone(), bn.bias.detach().clone()
run_mean, run_var = torch.zeros(F_, dtype=torch.float64), torch.ones(F_, dtype=torch.float64)
run_var_biased = run_var.clone()   # the tempting mistake, tracked for comparison

# Skewed features with very different scales, the kind of input batch norm is for.
scale = torch.tensor([1.0, 10.0, 0.1, 100.0], dtype=torch.float64)
bn.train()
for step in range(5):
    x = (torch.empty(B, F_, dtype=torch.float64).exponential_() + 3.0) * scale
    y_ref = bn(x)
    y, run_mean, run_var = batchnorm_train(x, gamma, beta, run_mean, run_var)
    run_var_biased = (1 - momentum) * run_var_biased + momentum * x.var(dim=0, unbiased=False)
    assert torch.allclose(y, y_ref, atol=1e-6)
    assert torch.allclose(run_mean, bn.running_mean, atol=1e-6)
    assert torch.allclose(run_var, bn.running_var, atol=1e-6)
train_err = (y - y_ref).abs().max().item()
assert not torch.allclose(run_var_biased, bn.running_var, rtol=1e-3)   # biased: does not match

# A batch-normalised feature has mean beta and standard deviation gamma (biased std).
z = (y - beta) / gamma
assert torch.allclose(z.mean(0), torch.zeros(F_, dtype=torch.float64), atol=1e-9)
assert torch.allclose(z.std(0, unbiased=False), torch.ones(F_, dtype=torch.float64), atol=1e-3)


# ... but its SHAPE is untouched: a skewed feature stays exactly as skewed (it is not made normal).
def skew(v):
    """Sample skewness of each column of v."""
    c = v - v.mean(0)
    return (c**3).mean(0) / (c**2).mean(0) ** 1.5


assert torch.allclose(skew(y), skew(x), atol=1e-9) and (skew(y) > 0.5).all()

bn.eval()
x_test = (torch.empty(3, F_, dtype=torch.float64).exponential_() + 3.0) * scale
y_eval = batchnorm_eval(x_test, gamma, beta, run_mean, run_var)
eval_err = (y_eval - bn(x_test)).abs().max().item()
assert eval_err < 1e-6
# In eval mode each example is normalised on its own: the batch no longer matters.
assert torch.allclose(bn(x_test[:1]), y_eval[:1], atol=1e-12)

print(f"train mode: max |ours - torch| = {train_err:.1e}; running stats agree")
print(f"eval mode:  max |ours - torch| = {eval_err:.1e}")
print(f"running mean after 5 batches: {run_mean.numpy().round(2)}")
print(f"skewness of the last batch, before: {skew(x).numpy().round(2)}, after: {skew(y).numpy().round(2)}")
