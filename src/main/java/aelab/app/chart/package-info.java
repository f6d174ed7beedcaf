/**
 * Charts on JFreeChart-FX: the live BCE and MSE curves (changes batched per frame; drawn whole only when
 * axes, legend or series change, else only their new pieces, on tiles over the plot: {@code ChartRedraws}),
 * their mouse gestures, decimal log ticks, a one-row legend, the latent-space scatter, and the run colours
 * shared by charts and views. May use: {@code aelab.app.model}, the engine's read-only types, JavaFX and JFreeChart.
 */
package aelab.app.chart;
