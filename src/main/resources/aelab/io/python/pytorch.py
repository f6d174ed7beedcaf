#!/usr/bin/env python3
# @HEADER@
"""Trains the runs below with PyTorch the way Autoencoder Lab trains them, starting where the app stopped.

Usage: python3 this_script.py [MNIST_FOLDER] [--init trained|fresh] [--epochs N] [--parity] [--device DEV]
       torchrun --standalone --nproc_per_node N this_script.py [MNIST_FOLDER] ...   (N processes, DDP)
Needs: numpy and torch. `--help` lists every option; docs/python-scripts.md explains them.

--init trained (the default when the runs were saved) starts from the weights and optimizer state in the
experiment file beside this script; --init fresh from new weights. --epochs 0 only evaluates: from the
trained weights it prints the app's test BCE and MSE. Each run's weights (.npz, PyTorch's state-dict
names) and metrics (the app's CSV columns) are written to --out. --parity replays the app's first
weights and mini-batch order (its java.util.SplittableRandom), so the losses match the app's closely.
Without --parity PyTorch draws its own random numbers: same experiment, other digits.
"""
import argparse
import csv
import gzip
import io
import json
import math
import os
import struct
import sys
import tempfile
import time
import zipfile

import numpy as np
import torch
from torch import nn
import torch.distributed as dist
import torch.nn.functional as F

RUNS = []  # @RUNS@

# @COMMON@

HIDDEN = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "linear": nn.Identity}


def dense_stack(widths, hidden):
    """Linear layers widths[0] -> ... -> widths[-1], the hidden activation between them (not after the last):
    Glorot-uniform weights and zero biases (Keras's defaults, and the app's). Linear l sits at index 2l."""
    layers = []
    for i in range(len(widths) - 1):
        linear = nn.Linear(widths[i], widths[i + 1])
        nn.init.xavier_uniform_(linear.weight)
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        if i < len(widths) - 2:
            layers.append(HIDDEN[hidden]())
    return nn.Sequential(*layers)


def bottleneck(widths):
    """Index in widths of the code layer: the narrowest hidden layer (the first, on a tie), as the app picks it."""
    return min(range(1, len(widths) - 1), key=lambda i: (widths[i], i))


def output_activation(run, z):
    if run["output"] == "sigmoid":
        return torch.sigmoid(z)
    if run["output"] == "softmax":
        return torch.softmax(z, dim=1)
    return z


def reconstruction_loss(run, z, y):
    """The trained loss, a mean over pixels and images. Sigmoid + BCE is computed from the logits, finite
    for any z (as Keras does under a sigmoid output); other BCE clips p to [EPSILON, 1 - EPSILON] like Keras."""
    if run["loss"] == "bce" and run["output"] == "sigmoid":
        return F.binary_cross_entropy_with_logits(z, y)
    p = output_activation(run, z)
    if run["loss"] == "bce":
        return clipped_bce(p, y, torch.log, torch.clamp).mean()
    if run["loss"] == "mse":
        return ((p - y) ** 2).mean()
    return (p - y).abs().mean()


# @KINDS@


# ---- The optimizers, in the engine's float32 form, with its state arrays (so a run goes on exactly) ----

class AppOptimizer(torch.optim.Optimizer):
    """The app's optimizers as Keras writes them, one float32 operation for each of the engine's:
      adam     m <- b1 m + (1 - b1) g,  v <- b2 v + (1 - b2) g g,  a_t = lr sqrt(1 - b2^t) / (1 - b1^t),
               p <- p - a_t m / (sqrt(v) + eps)     (Kingma & Ba 2015; eps outside the bias correction,
               unlike torch.optim.Adam)
      sgd      u <- mu u - lr g,  p <- p + u        (Keras's momentum form)
      rmsprop  v <- rho v + (1 - rho) g g,  p <- p - lr g / (sqrt(v) + eps)
    The hyper-parameters are float32 as in the engine; state groups as the experiment file keeps them."""

    def __init__(self, params, run):
        o = run["optimizer"]
        f32 = lambda v: float(np.float32(v))
        self.name, self.t = o["name"], 0
        self.h = {k: f32(v) for k, v in o.items() if k != "name"}
        self.lr = f32(run["learning_rate"])
        super().__init__(params, {})
        self.groups = {"adam": ("m", "v"), "sgd": ("u",), "rmsprop": ("v",)}[self.name]

    def ordered(self):
        return [p for g in self.param_groups for p in g["params"]]

    def load(self, arrays, steps, to_torch):
        """arrays: the file's state groups, one array per parameter each, in the app's layout."""
        params = self.ordered()
        for gi, group in enumerate(self.groups):
            for k, p in enumerate(params):
                self.state[p][group] = torch.from_numpy(to_torch(arrays[gi * len(params) + k])).to(p.device)
        self.t = steps

    @torch.no_grad()
    def step(self, closure=None):
        self.t += 1
        h, lr = self.h, self.lr
        one = np.float32(1)
        if self.name == "adam":
            b1, b2 = h["beta_1"], h["beta_2"]
            alpha = float(np.float32(lr * math.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)))
            c1, c2 = float(one - np.float32(b1)), float(one - np.float32(b2))
        for p in self.ordered():
            g, state = p.grad, self.state[p]
            if g is None:
                continue
            for group in self.groups:
                if group not in state:
                    state[group] = torch.zeros_like(p)
            if self.name == "adam":
                m, v = state["m"], state["v"]
                m.mul_(b1).add_(c1 * g)
                v.mul_(b2).add_(c2 * g * g)
                p.sub_(alpha * m / (v.sqrt() + h["epsilon"]))
            elif self.name == "sgd":
                u = state["u"]
                u.mul_(h["momentum"]).sub_(lr * g)
                p.add_(u)
            else:
                v = state["v"]
                v.mul_(h["rho"]).add_(float(one - np.float32(h["rho"])) * g * g)
                p.sub_(lr * g / (v.sqrt() + h["epsilon"]))


# ---- One process or several (torchrun): rank 0 prints and saves ----

class Ranks:
    """torchrun sets WORLD_SIZE, RANK and LOCAL_RANK; gloo on CPU, NCCL on GPUs."""

    def __init__(self, device_arg, parity=False):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        local = int(os.environ.get("LOCAL_RANK", "0"))
        if device_arg:
            self.device = torch.device(device_arg)
        else:
            self.device = torch.device("cuda:%d" % local if self.world > 1 else "cuda") \
                if torch.cuda.is_available() and not parity else torch.device("cpu")  # --parity: the CPU's float32
        if parity:
            torch.backends.cuda.matmul.allow_tf32 = False  # on a GPU given by --device: float32 means float32
        if self.device.type == "cuda":
            if not torch.cuda.is_available():
                sys.exit("error: --device %s: PyTorch sees no CUDA device here" % device_arg)
            torch.cuda.set_device(self.device)
        if self.world > 1:
            dist.init_process_group("nccl" if self.device.type == "cuda" else "gloo")

    @property
    def main(self):
        return self.rank == 0

    def mean(self, values):
        """The mean over the processes of a few figures (each process's own when alone)."""
        if self.world == 1:
            return values
        t = torch.tensor(values, dtype=torch.float64, device=self.device)
        dist.all_reduce(t)
        return (t / self.world).tolist()

    def check_in_step(self, params):
        """Under DDP every process must hold the same weights after each step (the gradients are averaged
        before the optimizer runs); compares a checksum of them, and says so."""
        if self.world == 1:
            return
        total = torch.stack([p.detach().double().sum() for p in params]).sum().reshape(1)
        seen = [torch.zeros_like(total) for _ in range(self.world)]
        dist.all_gather(seen, total)
        sums = [t.item() for t in seen]
        if len(set(sums)) != 1:
            sys.exit("error: the processes' weights differ after training (checksums %s)" % sums)
        self.say("the %d processes hold the same weights (checksum %.9g)" % (self.world, sums[0]))

    def say(self, *args):
        if self.main:
            print(*args, flush=True)

    def close(self):
        if self.world > 1:
            dist.destroy_process_group()


def epoch_order(run, args, ranks, n, epoch):
    """This process's share of the epoch's image order. --parity: the app's own order (Trainer.shuffle);
    alone: a permutation seeded by (seed, epoch), so a continued run is reproducible; under torchrun a
    DistributedSampler seeded the same way, a disjoint share for each process."""
    if args.parity:
        return torch.from_numpy(app_shuffle(n, run["seed"], epoch))
    if ranks.world > 1:
        sampler = torch.utils.data.DistributedSampler(range(n), num_replicas=ranks.world, rank=ranks.rank,
                                                      shuffle=True, seed=run["seed"] % 2 ** 31)
        sampler.set_epoch(epoch)
        return torch.tensor(list(sampler))
    g = torch.Generator().manual_seed((run["seed"] * GOLDEN_GAMMA + epoch) % 2 ** 63)
    return torch.randperm(n, generator=g)


def batch_figures(run, kind, loss, z, y):
    """The batch's trained loss, and its BCE and MSE on the [0,1] scale (the app's batch points)."""
    with torch.no_grad():
        q = kind.output(run, z).double() / output_divisor(run)
        t = y.double() / (255.0 if run["scale"] == "raw" else 1.0)
        bce = clipped_bce(q, t, torch.log, torch.clamp).mean().item()
        return [loss.item(), bce, ((q - t) ** 2).mean().item()]


def evaluate(run, kind, model, x_test, test_pixels):
    """Test loss (the trained loss) and the app's test BCE, MSE and output sum, in evaluation mode."""
    model.eval()
    with torch.no_grad():
        loss, z = kind.loss(run, model, x_test, False)
        p = kind.output(run, z)
    model.train()
    return (loss.item(),) + tuple(figures_01(p.cpu().numpy(), test_pixels, output_divisor(run)))


def train(run, number, args, ranks, train_images, test_images):
    kind = kind_of(run)
    check_image_size(run, train_images)
    if args.parity and run.get("kind", "plain") != "plain":
        sys.exit("error: --parity replays plain autoencoders only; run %d is %s" % (number, run["kind"]))
    torch.manual_seed(run["seed"] % 2 ** 63)
    if run["threads"] > 0 and ranks.world == 1:
        torch.set_num_threads(run["threads"])
    model = kind.build(run)
    names = kind.names(run)
    to_torch = lambda a: np.ascontiguousarray(a.T if a.ndim == 2 else a)
    trained = wants_trained(args)
    if trained:
        start = find_start(args, run, number - 1, number, lambda sd: [to_torch(sd[n]) for n in names])
        what = "trained, %d epochs" % start.epochs_done
    else:
        start = Start(app_glorot(run["layers"], run["seed"]) if args.parity else None)
        what = "fresh weights" + (", the app's" if args.parity else "")
    named = dict(model.named_parameters())
    if start.params is not None:
        if len(start.params) != len(names):
            sys.exit("error: the weights hold %d arrays, a %s model of layers %s has %d"
                     % (len(start.params), run.get("kind", "plain"), run["layers"], len(names)))
        with torch.no_grad():
            for name, a in zip(names, start.params):
                named[name].copy_(torch.from_numpy(to_torch(a)))
    model.to(ranks.device)
    optimizer = AppOptimizer([named[n] for n in names], run)
    if start.state is not None:
        optimizer.load(start.state, start.steps, to_torch)
    net = nn.parallel.DistributedDataParallel(model) if ranks.world > 1 else model

    x = torch.from_numpy(network_scale(run, first(train_images, run["train_limit"]))).to(ranks.device)
    test_pixels = first(test_images, run["test_limit"])
    x_test = torch.from_numpy(network_scale(run, test_pixels)).to(ranks.device)
    n = x.shape[0]
    batch = min(run["batch_size"], n)
    epochs = epochs_to_train(args, run, start)
    total = start.epochs_done + epochs
    if ranks.main and (trained or epochs == 0):
        print_start(what, *evaluate(run, kind, model, x_test, test_pixels))
    rows, step, began = start.history, start.steps, time.time()
    per = -(-batch // ranks.world)  # each process takes its share of the app's batch
    for epoch in range(start.epochs_done + 1, total + 1):
        epoch_start, order, losses = time.time(), epoch_order(run, args, ranks, n, epoch), []
        for b in range(0, len(order), per):
            y = x[order[b:b + per].to(ranks.device)]
            loss, z = kind.loss(run, net, y, True)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            figures = ranks.mean(batch_figures(run, kind, loss, z, y))
            if not math.isfinite(figures[0]):
                ranks.say("training diverged: the loss became %s at epoch %d" % (figures[0], epoch))
                return
            step += 1
            losses.append(figures[0])
            rows.append(batch_row(number, run, epoch, len(losses), step, *figures, seconds=time.time() - began))
        if ranks.main:
            test = evaluate(run, kind, model, x_test, test_pixels)
            seconds = time.time() - epoch_start
            train_loss = sum(losses) / len(losses)
            print_epoch(epoch, total, train_loss, *test, seconds)
            rows.append(epoch_row(number, run, epoch, train_loss, *test, seconds))
        if ranks.world > 1:
            dist.barrier()
    ranks.check_in_step([named[k] for k in names])
    if ranks.main and epochs > 0:
        write_results(args, number, {k: named[k].detach().cpu().numpy() for k in names}, rows)


def main():
    def options(parser):
        parser.add_argument("--device", metavar="DEV", help="cpu, cuda or cuda:N (default: cuda when there is one)")
        parser.add_argument("--parity", action="store_true",
                            help="replay the app's first weights and mini-batch order (one process, plain runs)")
    args = main_args("Train the runs of an Autoencoder Lab experiment with PyTorch.", options)
    ranks = Ranks(args.device, args.parity)
    if args.parity and ranks.world > 1:
        sys.exit("error: --parity replays the app's single order of mini-batches; run it without torchrun")
    train_images, test_images = load_mnist(args.data)
    ranks.say("device %s, %d process%s" % (ranks.device, ranks.world, "" if ranks.world == 1 else "es"))
    for i, run in enumerate(RUNS):
        if args.run is not None and args.run != i + 1:
            continue
        ranks.say("run %d/%d: %s" % (i + 1, len(RUNS), run["label"]))
        train(run, i + 1, args, ranks, train_images, test_images)
    ranks.close()


if __name__ == "__main__":
    main()
