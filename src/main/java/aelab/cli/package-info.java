/**
 * The headless command line: one class per command (train, compare, eval, export, bench, selfcheck),
 * options of the settings generated from the engine's description. Exit status 0 done, 1 bad data or
 * failed run, 2 bad option. May use: {@code aelab.engine}, {@code aelab.data}, {@code aelab.io}.
 * Never JavaFX or the app.
 */
package aelab.cli;
