/**
 * Autoencoder Lab: {@link aelab.Main} is the jar's entry point. With no arguments it opens the window
 * ({@code aelab.app}), with a command it runs headless ({@code aelab.cli}) and never loads JavaFX.
 * Sub-packages, from the bottom up: {@code engine} (the maths and the training), {@code data} (the
 * IDX digit files), {@code io} (experiment files and exports), {@code cli}, {@code app}, {@code bench}.
 * Main may use every package; nothing uses Main.
 */
package aelab;
