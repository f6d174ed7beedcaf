/**
 * The views, built in code: settings controls and presets, status and diagnoses, reconstructions on
 * canvases, results table, side-by-side form, the BCE explainer and the latent space. Thin: their
 * state lives in {@code aelab.app.model} and {@code aelab.app.session}. May use those, {@code
 * aelab.app.chart}, the engine's read-only types and JavaFX.
 */
package aelab.app.view;
