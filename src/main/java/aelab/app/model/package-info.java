/**
 * Plain model classes under the window, tested without a robot: runs and their history, the settings
 * and side-by-side forms with their validation, presets, diagnoses, results rows, curves, digit
 * layout, formats, preferences, the keyboard shortcuts. JavaFX properties and bindings are allowed;
 * nodes, stages and charts are not (an ArchUnit rule). May use: the engine, data and io packages.
 */
package aelab.app.model;
