package aelab.engine;

/**
 * The kinds of autoencoder, each one setting away from the plain model (see the files named after
 * each idea: {@link Corruption}, {@link SparseCode}, {@link VaeCode}).
 * <ul>
 * <li>plain — reconstruct the input.</li>
 * <li>denoising — each training step corrupts the inputs afresh ({@link Noise}); the target stays clean.</li>
 * <li>sparse — loss + λ · mean over the batch of Σ_j |code_j| (Keras's {@code activity_regularizer=l1(λ)}).</li>
 * <li>vae — Kingma &amp; Welling 2014: heads μ and log σ² at the bottleneck, z = μ + σ·ε, loss per image
 * Σ_pixels BCE + β·KL(N(μ, σ²) ‖ N(0, I)).</li>
 * </ul>
 */
public enum ModelKind {
    PLAIN("plain", "Reconstructs its input"),
    DENOISING("denoising", "Learns to clean inputs corrupted afresh at every step; the target stays the clean image"),
    SPARSE("sparse", "Adds λ · Σ|code| to the loss, so few code units are active"),
    VAE("vae", "A variational autoencoder: the code is a distribution N(μ, σ²) it samples from, pulled towards N(0, I)");

    private final String label, description;

    ModelKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String description() { return description; }

    /** Whether the trained loss is per image (the VAE's nats per image) rather than a mean per pixel. */
    public boolean lossPerImage() { return this == VAE; }

    /** Whether the kind needs a hidden bottleneck layer (a code) to act on. */
    public boolean needsCode() { return this == SPARSE || this == VAE; }

    @Override public String toString() { return label; }
}
