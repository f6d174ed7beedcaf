/**
 * Charts on JFreeChart-FX: the live BCE and MSE curves (changes batched, one redraw per frame) and the
 * latent-space scatter, and the run colours shared by charts and views. May use: {@code
 * aelab.app.model}, the engine's read-only types, JavaFX and JFreeChart.
 */
package aelab.app.chart;
