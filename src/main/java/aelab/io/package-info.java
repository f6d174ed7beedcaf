/**
 * What leaves or enters the program as a file: the experiment file (settings, weights, optimizer
 * state and curves in one zip), JSON, atomic writes with a lock, metrics columns and the Keras /
 * PyTorch script export. May use: {@code aelab.engine}, {@code aelab.data}, the JDK. Never JavaFX or
 * the app.
 */
package aelab.io;
