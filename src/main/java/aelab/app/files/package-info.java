/**
 * The window's File menu actions: open, save, continue, export pictures, metrics and scripts, and the
 * dialogs they ask through ({@link aelab.app.files.Dialogs}, an interface tests replace). It sees the
 * window only through {@link aelab.app.files.TrainingPictures}. May use: {@code aelab.app.session},
 * {@code aelab.app.view}, {@code aelab.app.model}, {@code aelab.io}, the engine, JavaFX.
 */
package aelab.app.files;
