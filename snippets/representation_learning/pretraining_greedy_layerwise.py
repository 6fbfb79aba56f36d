"""Greedy layer-wise pretraining: two autoencoders trained one at a time, then a classifier fine-tuned."""
import torch
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
mix = torch.randn(2, 20)


def make_data(n):
    """n points of a 2-D latent z seen through a fixed nonlinear 20-D mixing; label: z above a sine."""
    z = torch.rand(n, 2) * 4 - 2
    x = torch.tanh(z @ mix) + 0.05 * torch.randn(n, 20)
    return x, (z[:, 1] > torch.sin(2 * z[:, 0])).long()


x_unlab, _ = make_data(500)        # plenty of inputs, labels never used
x_lab, y_lab = make_data(40)       # only 40 labelled examples
x_test, y_test = make_data(1000)


def fit(params, loss_fn, steps=150, lr=0.02):
    """Full-batch Adam on loss_fn(); returns the (first, last) loss values."""
    opt = torch.optim.Adam(params, lr=lr)
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses[0], losses[-1]


def pretrain_layer(inputs, width):
    """Train one autoencoder inputs -> width -> inputs; return its encoder and (first, last) MSE."""
    enc = nn.Sequential(nn.Linear(inputs.shape[1], width), nn.Tanh())
    dec = nn.Linear(width, inputs.shape[1])
    mse = fit([*enc.parameters(), *dec.parameters()], lambda: ((dec(enc(inputs)) - inputs) ** 2).mean())
    return enc, mse


# Stage 1: autoencoder on the raw inputs.  Stage 2: autoencoder on stage 1's codes, stage 1 frozen.
enc1, mse1 = pretrain_layer(x_unlab, 8)
w1_stage1 = enc1[0].weight.clone()
with torch.no_grad():
    codes1 = enc1(x_unlab)
enc2, mse2 = pretrain_layer(codes1, 4)
assert torch.equal(enc1[0].weight, w1_stage1)  # greedy: layer 1 did not move while layer 2 trained
print(f"layer 1 autoencoder (20 -> 8 -> 20) MSE: {mse1[0]:.3f} -> {mse1[1]:.4f}")
print(f"layer 2 autoencoder ( 8 -> 4 ->  8) MSE: {mse2[0]:.3f} -> {mse2[1]:.4f}")
assert mse1[1] < 0.05 * mse1[0] and mse2[1] < 0.05 * mse2[0]


def fine_tune(trunk):
    """Put a 2-way softmax head on trunk and train every layer on the 40 labels; return test accuracy."""
    net = nn.Sequential(trunk, nn.Linear(4, 2))
    fit(net.parameters(), lambda: nn.functional.cross_entropy(net(x_lab), y_lab), lr=0.01)
    with torch.no_grad():
        return (net(x_test).argmax(1) == y_test).double().mean().item()


acc_pre = fine_tune(nn.Sequential(enc1, enc2))
moved = (enc1[0].weight - w1_stage1).abs().max().item()
acc_fresh = fine_tune(nn.Sequential(nn.Linear(20, 8), nn.Tanh(), nn.Linear(8, 4), nn.Tanh()))
print(f"fine-tuning moved layer-1 weights by up to {moved:.3f}")
print(f"test accuracy, pretrained + fine-tuned on 40 labels: {acc_pre:.3f}")
print(f"test accuracy, same net from random init:            {acc_fresh:.3f}")
assert moved > 1e-3                  # fine-tuning updates the pretrained layers too
assert acc_pre > 0.85                # far above the 0.5 of guessing
assert abs(acc_pre - acc_fresh) < 0.05  # on this easy toy, pretraining is no longer decisive
