#!/usr/bin/env python3
# @HEADER@
"""Trains the runs below with PyTorch, from fresh weights, the way Autoencoder Lab trains them.

Usage: python3 this_script.py [MNIST_FOLDER]      (default: ./mnist)
Needs: numpy and torch.

The same layers, activations, loss, optimizer and settings as the app, and the same figures printed
after each epoch (test BCE and MSE on the [0,1] pixel scale). The seed is the app's, but PyTorch draws
its own random numbers from it, so the curves agree in shape and level, not to the last digit.
"""
import argparse
import gzip
import math
import os
import struct
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

RUNS = []  # @RUNS@

# @COMMON@

HIDDEN = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "linear": nn.Identity}


def build_model(run):
    """Dense layers with Glorot-uniform weights and zero biases (Keras's defaults, and the app's).
    The last layer's activation is applied outside, so sigmoid + BCE can work from the logits."""
    widths, layers = run["layers"], []
    for i in range(len(widths) - 1):
        linear = nn.Linear(widths[i], widths[i + 1])
        nn.init.xavier_uniform_(linear.weight)
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        if i < len(widths) - 2:
            layers.append(HIDDEN[run["hidden"]]())
    return nn.Sequential(*layers)


def output_activation(run, z):
    if run["output"] == "sigmoid":
        return torch.sigmoid(z)
    if run["output"] == "softmax":
        return torch.softmax(z, dim=1)
    return z


def loss_of(run, z, p, y):
    """The trained loss, a mean over pixels and images. Sigmoid + BCE is computed from the logits, finite
    for any z (as Keras does under a sigmoid output); other BCE clips p to [EPSILON, 1 - EPSILON] like Keras."""
    if run["loss"] == "bce" and run["output"] == "sigmoid":
        return F.binary_cross_entropy_with_logits(z, y)
    if run["loss"] == "bce":
        return clipped_bce(p, y, torch.log, torch.clamp).mean()
    if run["loss"] == "mse":
        return ((p - y) ** 2).mean()
    return (p - y).abs().mean()


class KerasAdam(torch.optim.Optimizer):
    """Adam (Kingma & Ba 2015) as Keras and the app write it, with epsilon outside the bias correction:
      m <- b1 m + (1 - b1) g,   v <- b2 v + (1 - b2) g^2,   a_t = lr sqrt(1 - b2^t) / (1 - b1^t)
      p <- p - a_t m / (sqrt(v) + epsilon)
    torch.optim.Adam divides by sqrt(v_hat) + epsilon instead, a slightly different step."""

    def __init__(self, params, lr, beta_1, beta_2, epsilon):
        super().__init__(params, dict(lr=lr, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon))
        self.t = 0

    @torch.no_grad()
    def step(self, closure=None):
        self.t += 1
        for group in self.param_groups:
            b1, b2 = group["beta_1"], group["beta_2"]
            alpha = group["lr"] * math.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["m"], state["v"] = torch.zeros_like(p), torch.zeros_like(p)
                m, v = state["m"], state["v"]
                m.mul_(b1).add_(p.grad, alpha=1 - b1)
                v.mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
                p.addcdiv_(m, v.sqrt().add_(group["epsilon"]), value=-alpha)


def optimizer_for(run, params):
    o = run["optimizer"]
    if o["name"] == "adam":
        return KerasAdam(params, run["learning_rate"], o["beta_1"], o["beta_2"], o["epsilon"])
    if o["name"] == "sgd":  # u <- mu u - lr g, p <- p + u: torch's form (b <- mu b + g, p <- p - lr b) with u = -lr b
        return torch.optim.SGD(params, lr=run["learning_rate"], momentum=o["momentum"])
    # v <- rho v + (1 - rho) g^2, p <- p - lr g / (sqrt(v) + epsilon): torch's RMSprop with alpha = rho
    return torch.optim.RMSprop(params, lr=run["learning_rate"], alpha=o["rho"], eps=o["epsilon"])


def train(run, train_images, test_images):
    check_image_size(run, train_images)
    torch.manual_seed(run["seed"] % 2 ** 63)
    if run["threads"] > 0:
        torch.set_num_threads(run["threads"])
    factor = 1 / 255.0 if run["scale"] == "unit" else 1.0  # the network's inputs and targets
    x = torch.from_numpy(first(train_images, run["train_limit"]).astype(np.float32) * np.float32(factor))
    test_pixels = first(test_images, run["test_limit"])
    x_test = torch.from_numpy(test_pixels.astype(np.float32) * np.float32(factor))
    model, n = build_model(run), x.shape[0]
    optimizer = optimizer_for(run, model.parameters())
    batch = min(run["batch_size"], n)
    shuffler = torch.Generator().manual_seed(run["seed"] % 2 ** 63)
    for epoch in range(1, run["epochs"] + 1):
        start = time.time()
        order, losses = torch.randperm(n, generator=shuffler), []
        model.train()
        for b in range(0, n, batch):
            y = x[order[b:b + batch]]
            z = model(y)
            loss = loss_of(run, z, output_activation(run, z), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            if not math.isfinite(losses[-1]):
                print("training diverged: the loss became %s at epoch %d" % (losses[-1], epoch))
                return
        model.eval()
        with torch.no_grad():
            z = model(x_test)
            p = output_activation(run, z)
            test_loss = loss_of(run, z, p, x_test).item()
        bce, mse, output_sum = figures_01(p.numpy(), test_pixels, output_divisor(run))
        print_epoch(run, epoch, sum(losses) / len(losses), test_loss, bce, mse, output_sum, time.time() - start)


def main():
    args = main_args("Train the runs of an Autoencoder Lab experiment with PyTorch.")
    train_images, test_images = load_mnist(args.data)
    for i, run in enumerate(RUNS):
        print("run %d/%d: %s" % (i + 1, len(RUNS), run["label"]), flush=True)
        train(run, train_images, test_images)


if __name__ == "__main__":
    main()
