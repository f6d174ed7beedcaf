/**
 * What the window does, without the window: loading data, starting, pausing and stopping runs (alone or
 * side by side), the bridge that carries a trainer's news to the FX thread once per frame, the
 * background executor, and keeping experiments (continue, reopen). May use: {@code aelab.app.model},
 * {@code aelab.engine}, {@code aelab.data}, {@code aelab.io}, JavaFX properties. No nodes.
 */
package aelab.app.session;
