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
Keras's definitions), and the same figures printed after each epoch (test BCE and MSE on the [0,1]
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
import keras

RUNS = []  # @RUNS@

# @COMMON@


def build_model(run):
    """Dense layers with Glorot-uniform weights and zero biases, Keras's defaults and the app's."""
    widths = run["layers"]
    model = keras.Sequential([keras.Input(shape=(widths[0],))])
    for i in range(1, len(widths)):
        last = i == len(widths) - 1
        model.add(keras.layers.Dense(widths[i], activation=run["output"] if last else run["hidden"],
                                     kernel_initializer="glorot_uniform", bias_initializer="zeros"))
    return model


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


def names(run):
    """The parameters' names in the app's order, as the PyTorch export's state dict names them (the .npz
    this script writes uses them too, so both exports read each other's weights)."""
    return [n for l in range(len(run["layers"]) - 1) for n in ("%d.weight" % (2 * l), "%d.bias" % (2 * l))]


def train(run, number, args, train_images, test_images):
    check_image_size(run, train_images)
    if run.get("kind", "plain") != "plain":
        sys.exit("error: run %d is a %s autoencoder; the Keras export trains plain ones, the PyTorch export every kind"
                 % (number, run["kind"]))
    keras.utils.set_random_seed(run["seed"] % 2 ** 32)  # NumPy's seeds are 32-bit
    x = network_scale(run, first(train_images, run["train_limit"]))
    test_pixels = first(test_images, run["test_limit"])
    x_test = network_scale(run, test_pixels)
    model = build_model(run)
    model.compile(optimizer=optimizer_for(run), loss=LOSSES[run["loss"]])
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    trained = wants_trained(args)
    if trained:
        # Keras's Dense kernel is (in, out), the app's layout; an .npz holds PyTorch's (out, in)
        start = find_start(args, run, number - 1, number, lambda sd: [
            np.ascontiguousarray(sd[n].T if sd[n].ndim == 2 else sd[n]) for n in names(run)])
        for l, layer in enumerate(dense):
            layer.set_weights([start.params[2 * l], start.params[2 * l + 1]])
        if start.state is not None:
            print("note: the optimizer starts afresh (Keras's optimizer state is not loaded; PyTorch's export loads it)")
    else:
        start = Start(None)
    epochs = epochs_to_train(args, run, start)
    total = start.epochs_done + epochs

    def test_figures():
        test_loss = model.evaluate(x_test, x_test, batch_size=1000, verbose=0)
        p = model.predict(x_test, batch_size=1000, verbose=0)
        return (test_loss,) + tuple(figures_01(p, test_pixels, output_divisor(run)))

    if trained or epochs == 0:
        print_start("trained, %d epochs" % start.epochs_done if trained else "fresh weights", *test_figures())
    batch = min(run["batch_size"], x.shape[0])
    rows = start.history
    for epoch in range(start.epochs_done + 1, total + 1):
        began = time.time()
        # Keras's epoch loss weighs batches by their size; the app's is the plain mean over batches
        train_loss = model.fit(x, x, batch_size=batch, epochs=1, shuffle=True, verbose=0).history["loss"][0]
        if not np.isfinite(train_loss):
            print("training diverged: the loss became %s at epoch %d" % (train_loss, epoch))
            return
        test = test_figures()
        print_epoch(epoch, total, train_loss, *test, time.time() - began)
        rows.append(epoch_row(number, run, epoch, train_loss, *test, time.time() - began))
    if epochs > 0:
        tensors = {}
        for l, layer in enumerate(dense):
            kernel, bias = layer.get_weights()
            tensors["%d.weight" % (2 * l)], tensors["%d.bias" % (2 * l)] = kernel.T, bias
        write_results(args, number, tensors, rows)


def main():
    args = main_args("Train the runs of an Autoencoder Lab experiment with Keras.")
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
