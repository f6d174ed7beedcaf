#!/usr/bin/env python3
# @HEADER@
"""Trains the runs below with Keras, from fresh weights, the way Autoencoder Lab trains them.

Usage: python3 this_script.py [MNIST_FOLDER]      (default: ./mnist)
Needs: numpy and Keras (3, or tf.keras 2.7+); with Keras 3 pick its backend with KERAS_BACKEND
(tensorflow, jax or torch).

The same layers, activations, loss, optimizer and settings as the app (whose optimizers and BCE follow
Keras's definitions), and the same figures printed after each epoch (test BCE and MSE on the [0,1]
pixel scale). The seed is the app's, but Keras draws its own random numbers from it, so the curves
agree in shape and level, not to the last digit.
"""
import argparse
import gzip
import os
import struct
import sys
import time

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


def train(run, train_images, test_images):
    check_image_size(run, train_images)
    keras.utils.set_random_seed(run["seed"] % 2 ** 32)  # NumPy's seeds are 32-bit
    factor = 1 / 255.0 if run["scale"] == "unit" else 1.0  # the network's inputs and targets
    x = first(train_images, run["train_limit"]).astype(np.float32) * np.float32(factor)
    test_pixels = first(test_images, run["test_limit"])
    x_test = test_pixels.astype(np.float32) * np.float32(factor)
    model = build_model(run)
    model.compile(optimizer=optimizer_for(run), loss=LOSSES[run["loss"]])
    batch = min(run["batch_size"], x.shape[0])
    for epoch in range(1, run["epochs"] + 1):
        start = time.time()
        # Keras's epoch loss weighs batches by their size; the app's is the plain mean over batches
        train_loss = model.fit(x, x, batch_size=batch, epochs=1, shuffle=True, verbose=0).history["loss"][0]
        if not np.isfinite(train_loss):
            print("training diverged: the loss became %s at epoch %d" % (train_loss, epoch))
            return
        test_loss = model.evaluate(x_test, x_test, batch_size=1000, verbose=0)
        p = model.predict(x_test, batch_size=1000, verbose=0)
        bce, mse, output_sum = figures_01(p, test_pixels, output_divisor(run))
        print_epoch(run, epoch, train_loss, test_loss, bce, mse, output_sum, time.time() - start)


def main():
    args = main_args("Train the runs of an Autoencoder Lab experiment with Keras.")
    train_images, test_images = load_mnist(args.data)
    for i, run in enumerate(RUNS):
        print("run %d/%d: %s" % (i + 1, len(RUNS), run["label"]), flush=True)
        if run["threads"] > 0:
            print("note: threads=%d is not applied; Keras uses the cores TensorFlow or JAX chooses" % run["threads"])
        train(run, train_images, test_images)


if __name__ == "__main__":
    main()
