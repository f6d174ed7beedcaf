/**
 * The window's shell: the JavaFX application, the main view that lays the tabs out and wires the
 * session to the views, the menu, the window's placement, and frame scheduling (a 5 Hz frame pump
 * and a drawing budget). May use every {@code aelab.app} sub-package and the engine; only
 * {@code aelab.bench} and {@code aelab.Main} use it.
 */
package aelab.app;
