#!/usr/bin/env python3
# @HEADER@
"""Trains the runs below with Keras the way Autoencoder Lab trains them, starting where the app stopped.

Usage: python3 this_script.py [MNIST_FOLDER] [--init trained|fresh] [--epochs N] [--from FILE] [--out DIR]
Needs: numpy and Keras (3, or tf.keras 2.7+); with Keras 3 pick its backend with KERAS_BACKEND
(tensorflow, jax or torch). docs/python-scripts.md explains the options.

--init trained (the default when the runs were saved) starts from the weights in the experiment file
beside this script (the optimizer starts afresh), --init fresh from Keras's own Glorot weights; --epochs 0
only evaluates. Each run's weights (.npz, named as the PyTorch export's state dict) and its epochs'
metrics (the app's CSV columns) are written to --out.

The same layers, activations, loss, optimizer and settings as the app (whose optimizers and BCE follow
Keras's definitions), the same kind of autoencoder (plain, denoising, sparse or vae, as the PyTorch
export defines them), and the same figures printed after each epoch (test BCE and MSE on the [0,1]
pixel scale). From fresh weights the seed is the app's, but Keras draws its own random numbers from
it, so the curves agree in shape and level, not to the last digit.
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

try:
    import keras
    NO_KERAS = None
except ImportError as e:  # main() says so in one line; the NumPy parts below (noise, names) import without Keras
    keras, NO_KERAS = None, str(e)

RUNS = []  # @RUNS@

# @COMMON@

# ---- The kinds' NumPy parts (no Keras needed): the noise of a denoising run, the parameters' names ----

KINDS = ("plain", "denoising", "sparse", "vae")


def kind_of(run):
    kind = run.get("kind", "plain")
    if kind not in KINDS:
        sys.exit("error: run %r is a %r autoencoder; this script knows %s" % (run["label"], kind, ", ".join(KINDS)))
    if kind in ("sparse", "vae") and len(run["layers"]) < 3:
        sys.exit("error: run %r: a %s autoencoder needs a hidden layer as its code" % (run["label"], kind))
    return kind


def bottleneck(widths):
    """Index in widths of the code layer: the narrowest hidden layer (the first, on a tie), as the app picks it."""
    return min(range(1, len(widths) - 1), key=lambda i: (widths[i], i))


def noise_of(run):
    """A denoising run's noise as the app writes it: "gaussian:0.5" -> ("gaussian", 0.5), "masking:0.3"."""
    kind, _, amount = str(run.get("noise", "")).strip().lower().partition(":")
    try:
        level = float(amount)
    except ValueError:
        level = math.nan
    if not ((kind == "gaussian" and level >= 0) or (kind == "masking" and 0 <= level <= 1)):
        sys.exit("error: run %r: noise %r is neither gaussian:SIGMA (SIGMA >= 0) nor masking:Q (0 <= Q <= 1)"
                 % (run["label"], run.get("noise")))
    return kind, level


def corrupt(run, x, rng):
    """The noisy copy of x (float32 rows on the network's scale, top = 1, or 255 for "raw"), drawn from rng:
      gaussian:s   x~ = clip(x + s top N(0,1), 0, top)      (s on the [0,1] scale)
      masking:q    x~ = 0 with probability q, else x"""
    kind, level = noise_of(run)
    top = np.float32(255 if run["scale"] == "raw" else 1)
    if kind == "gaussian":
        return np.clip(x + np.float32(level) * top * rng.standard_normal(x.shape, dtype=np.float32), 0, top)
    return np.where(rng.random(x.shape, dtype=np.float32) < level, np.float32(0), x)


def epoch_order(run, n, epoch):
    """The order of a denoising run's n images in an epoch: a permutation seeded by (seed, epoch)."""
    return np.random.default_rng([run["seed"] & M64, 0, epoch]).permutation(n)


def noisy_batch(run, x, order, batch, epoch, b):
    """Mini-batch b of the epoch: (noisy inputs, clean targets). Its noise is drawn from (seed, epoch, b), so
    every step sees a fresh corruption, the same whatever order or thread Keras asks for the batch in."""
    rows = x[order[b * batch:(b + 1) * batch]]
    return corrupt(run, rows, np.random.default_rng([run["seed"] & M64, 1, epoch, b])), rows


def names(run):
    """The parameters' names in the app's order (W_0, b_0, ... then a VAE's W_logvar, b_logvar), as the
    PyTorch export's state dict names them (the .npz this script writes uses them too, so both exports
    read each other's weights): 0.weight, 0.bias, 2.weight, ...; a VAE's encoder.0.weight, ..., mu.weight
    (the bottleneck's layer), decoder.0.weight, ..., logvar.weight, logvar.bias."""
    widths = run["layers"]
    if run.get("kind", "plain") != "vae":
        return [n for l in range(len(widths) - 1) for n in ("%d.weight" % (2 * l), "%d.bias" % (2 * l))]
    b, n = bottleneck(widths), []
    for l in range(len(widths) - 1):
        prefix = "encoder.%d." % (2 * l) if l < b - 1 else "mu." if l == b - 1 else "decoder.%d." % (2 * (l - b))
        n += [prefix + "weight", prefix + "bias"]
    return n + ["logvar.weight", "logvar.bias"]


def app_params(run, sd):
    """A state dict sd (names(run), W as (out, in)) as the app's arrays in its order, W as (in, out) as Keras's Dense has it."""
    return [np.ascontiguousarray(sd[n].T if sd[n].ndim == 2 else sd[n]) for n in names(run)]


def state_dict(run, params):
    """The app's arrays in its order (W as (in, out)) under their state-dict names, W as (out, in)."""
    return {n: a.T if a.ndim == 2 else a for n, a in zip(names(run), params)}


# ---- Keras: the models of the four kinds ----

# Keras 3 has keras.ops and keras.random on every backend; tf.keras 2's keras.backend holds the same functions
KERAS_3 = keras is not None and int(keras.__version__.split(".")[0]) >= 3


def ops():
    return keras.ops if KERAS_3 else keras.backend


def dense(width, activation):
    """Glorot-uniform weights and zero biases, Keras's defaults and the app's."""
    return keras.layers.Dense(width, activation=activation, kernel_initializer="glorot_uniform", bias_initializer="zeros")


def code_penalty(l1):
    """The sparse run's term, l1 * (mean over the batch of sum_j |code_j|), added to the loss by a layer that
    passes the code on. Not activity_regularizer=L1(l1): tf.keras 2 divides its value by the batch size,
    Keras 3 did not until early 2026 (keras-team/keras#22018), so it would mean two things."""
    class CodePenalty(keras.layers.Layer):
        def call(self, code):
            k = ops()
            self.add_loss(l1 * k.mean(k.sum(k.abs(code), axis=-1)))
            return code

    return CodePenalty(name="code_l1")


def sampling(beta, seed):
    """The VAE's z = mu + exp(logvar / 2) eps, eps ~ N(0, I) drawn afresh per image at every call (training
    and evaluation), adding beta * (mean over the batch of KL) to the loss,
    KL = -1/2 sum_j (1 + logvar_j - mu_j^2 - exp(logvar_j))."""
    class Sampling(keras.layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if KERAS_3:  # a SeedGenerator carries the state, so each step draws anew on every backend
                self.seed_generator = keras.random.SeedGenerator(seed)

        def call(self, inputs):
            mu, logvar = inputs
            k = ops()
            kl = -0.5 * k.sum(1 + logvar - k.square(mu) - k.exp(logvar), axis=-1)
            self.add_loss(beta * k.mean(kl))
            if KERAS_3:
                eps = keras.random.normal((k.shape(mu)[0], k.shape(mu)[1]), seed=self.seed_generator)
            else:  # tf.random.normal with an op seed: a stateful op, new numbers at each run of the step
                eps = keras.backend.random_normal(k.shape(mu), seed=seed)
            return mu + k.exp(0.5 * logvar) * eps

    return Sampling(name="sampling")


def per_image_bce(y, logits):
    """The VAE's reconstruction term of each image: sum over pixels of BCE(sigmoid(logits), y), computed from
    the logits; Keras means it over the batch and adds the KL that Sampling added."""
    k = ops()
    return k.sum(k.binary_crossentropy(y, logits, from_logits=True), axis=-1)


class Net:
    """What a kind trains and reads. model: fit and evaluate it (its loss is the kind's); recon: its outputs
    give the test BCE and MSE (a VAE's decodes mu); dense: the Dense layers in the app's parameter order."""

    def __init__(self, model, loss, recon, dense):
        self.model, self.loss, self.recon, self.dense = model, loss, recon, dense


def build(run, kind):
    widths = run["layers"]
    if kind == "vae":
        return build_vae(run)
    model = keras.Sequential([keras.Input(shape=(widths[0],))])
    layers = []
    for i in range(1, len(widths)):
        layers.append(dense(widths[i], run["output"] if i == len(widths) - 1 else run["hidden"]))
        model.add(layers[-1])
        if kind == "sparse" and i == bottleneck(widths):
            model.add(code_penalty(run["l1"]))
    return Net(model, LOSSES[run["loss"]], model, layers)


def build_vae(run):
    """encoder (the plain model's layers before the bottleneck, with their activations) -> two linear heads
    mu and logvar of the bottleneck's width -> Sampling -> decoder (the plain model's layers after the
    bottleneck) -> logits; the reconstruction read for the figures decodes mu, through a sigmoid."""
    widths, b = run["layers"], bottleneck(run["layers"])
    x = keras.Input(shape=(widths[0],))
    encoder = [dense(widths[i], run["hidden"]) for i in range(1, b)]
    mu_head = keras.layers.Dense(widths[b], kernel_initializer="glorot_uniform", bias_initializer="zeros", name="mu")
    logvar_head = keras.layers.Dense(widths[b], kernel_initializer="glorot_uniform", bias_initializer="zeros", name="logvar")
    decoder = [dense(widths[i], run["hidden"] if i < len(widths) - 1 else None) for i in range(b + 1, len(widths))]

    def through(layers, t):
        for layer in layers:
            t = layer(t)
        return t

    h = through(encoder, x)
    mu, logvar = mu_head(h), logvar_head(h)
    z = sampling(run["beta"], run["seed"] % 2 ** 31)([mu, logvar])
    model = keras.Model(x, through(decoder, z))
    recon = keras.Model(x, keras.layers.Activation("sigmoid")(through(decoder, mu)))
    return Net(model, per_image_bce, recon, encoder + [mu_head] + decoder + [logvar_head])


def noisy_epoch(run, x, batch, epoch):
    """A denoising run's epoch as Keras reads it (keras.utils.Sequence: PyDataset's name in Keras 3 too)."""
    order = epoch_order(run, len(x), epoch)

    class NoisyBatches(keras.utils.Sequence):
        def __len__(self):
            return -(-len(x) // batch)

        def __getitem__(self, b):
            return noisy_batch(run, x, order, batch, epoch, b)

    return NoisyBatches()


def optimizer_for(run):
    o = run["optimizer"]
    if o["name"] == "adam":
        return keras.optimizers.Adam(learning_rate=run["learning_rate"], beta_1=o["beta_1"], beta_2=o["beta_2"],
                                     epsilon=o["epsilon"])
    if o["name"] == "sgd":
        return keras.optimizers.SGD(learning_rate=run["learning_rate"], momentum=o["momentum"])
    return keras.optimizers.RMSprop(learning_rate=run["learning_rate"], rho=o["rho"], epsilon=o["epsilon"])


# BCE clips predictions to [EPSILON, 1 - EPSILON]; under a sigmoid output Keras computes it from the logits.
LOSSES = {"bce": "binary_crossentropy", "mse": "mean_squared_error", "mae": "mean_absolute_error"}


def train(run, number, args, train_images, test_images):
    check_image_size(run, train_images)
    kind = kind_of(run)
    if kind == "denoising":
        noise_of(run)  # a bad noise stops the run before it starts
    keras.utils.set_random_seed(run["seed"] % 2 ** 32)  # NumPy's seeds are 32-bit
    x = network_scale(run, first(train_images, run["train_limit"]))
    test_pixels = first(test_images, run["test_limit"])
    x_test = network_scale(run, test_pixels)
    y, y_test = x, x_test
    if kind == "vae" and run["scale"] == "raw":  # its targets are pixel probabilities (the app's VAEs read [0,1] pixels)
        y, y_test = x / np.float32(255), x_test / np.float32(255)
    net = build(run, kind)
    net.model.compile(optimizer=optimizer_for(run), loss=net.loss)
    trained = wants_trained(args)
    if trained:
        start = find_start(args, run, number - 1, number, lambda sd: app_params(run, sd))
        if len(start.params) != 2 * len(net.dense):
            sys.exit("error: the weights hold %d arrays, a %s model of layers %s has %d"
                     % (len(start.params), kind, run["layers"], 2 * len(net.dense)))
        for l, layer in enumerate(net.dense):  # Keras's Dense kernel is (in, out), the app's layout
            layer.set_weights([start.params[2 * l], start.params[2 * l + 1]])
        if start.state is not None:
            print("note: the optimizer starts afresh (Keras's optimizer state is not loaded; PyTorch's export loads it)")
    else:
        start = Start(None)
    epochs = epochs_to_train(args, run, start)
    total = start.epochs_done + epochs
    divisor = 1.0 if kind == "vae" else output_divisor(run)

    def test_figures():
        """On clean test images; a VAE's test loss samples one z per image, its BCE and MSE decode mu."""
        test_loss = net.model.evaluate(x_test, y_test, batch_size=1000, verbose=0)
        p = net.recon.predict(x_test, batch_size=1000, verbose=0)
        return (test_loss,) + tuple(figures_01(p, test_pixels, divisor))

    if trained or epochs == 0:
        print_start("trained, %d epochs" % start.epochs_done if trained else "fresh weights", *test_figures())
    batch = min(run["batch_size"], x.shape[0])
    rows = start.history
    for epoch in range(start.epochs_done + 1, total + 1):
        began = time.time()
        # Keras's epoch loss weighs batches by their size; the app's is the plain mean over batches
        if kind == "denoising":
            history = net.model.fit(noisy_epoch(run, x, batch, epoch), epochs=1, shuffle=False, verbose=0)
        else:
            history = net.model.fit(x, y, batch_size=batch, epochs=1, shuffle=True, verbose=0)
        train_loss = history.history["loss"][0]
        if not np.isfinite(train_loss):
            print("training diverged: the loss became %s at epoch %d" % (train_loss, epoch))
            return
        test = test_figures()
        print_epoch(epoch, total, train_loss, *test, time.time() - began)
        rows.append(epoch_row(number, run, epoch, train_loss, *test, time.time() - began))
    if epochs > 0:
        write_results(args, number, state_dict(run, [a for layer in net.dense for a in layer.get_weights()]), rows)


def main():
    args = main_args("Train the runs of an Autoencoder Lab experiment with Keras.")
    if keras is None:
        sys.exit("error: this script needs Keras 3 (with its backend: TensorFlow, JAX or PyTorch) or tf.keras 2.7+;"
                 " %s cannot import keras: %s" % (sys.executable, NO_KERAS))
    print("Keras %s, backend %s" % (keras.__version__, keras.backend.backend()), flush=True)
    train_images, test_images = load_mnist(args.data)
    for i, run in enumerate(RUNS):
        if args.run is not None and args.run != i + 1:
            continue
        print("run %d/%d: %s" % (i + 1, len(RUNS), run["label"]), flush=True)
        if run["threads"] > 0:
            print("note: threads=%d is not applied; Keras uses the cores TensorFlow or JAX chooses" % run["threads"])
        train(run, i + 1, args, train_images, test_images)


if __name__ == "__main__":
    main()
