package aelab.engine;

/** Means over a set of images: trained loss (own scale), BCE and MSE on [0,1], Σ outputs per image. */
public record Evaluation(double loss, double bce, double mse, double outputSum, int count) { }
