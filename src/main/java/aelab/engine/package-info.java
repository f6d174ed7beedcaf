/**
 * The training engine: the dense autoencoder, its activations, losses and optimizers (forward and
 * backward side by side), one description of the settings ({@link aelab.engine.Settings}), the
 * trainer and its data-parallel step, evaluation, PCA and the memory a run needs. Plain Java with
 * no global state: collaborators such as {@link aelab.engine.CoreLending} are handed in.
 * May use: {@code aelab.data}, {@code aelab.engine.kernel}, EJML, the JDK. Never JavaFX, the app,
 * the command line, files ({@code aelab.io}); an ArchUnit test holds this.
 */
package aelab.engine;
