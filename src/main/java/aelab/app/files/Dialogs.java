package aelab.app.files;

import java.nio.file.Path;

/**
 * What {@link FileActions} asks the user: files, folders, a yes or no, and errors. The window uses
 * {@link FxDialogs}; tests answer with paths of their own and record what was said.
 */
public interface Dialogs {
    /** The kinds of file the app reads and writes, with what a chooser filters on. */
    enum Kind {
        EXPERIMENT("Autoencoder Lab experiment", ".aelab"), PNG("PNG image", ".png"), CSV("CSV table", ".csv"),
        PYTHON("Python script", ".py"), GIF("GIF animation", ".gif"),
        SAFETENSORS("safetensors weights", ".safetensors"), NPZ("NumPy arrays", ".npz");

        final String description, extension;

        Kind(String description, String extension) {
            this.description = description;
            this.extension = extension;
        }

        /** The path with this kind's extension added when the user typed none. */
        Path withExtension(Path p) {
            String name = p.getFileName().toString();
            return name.contains(".") ? p : p.resolveSibling(name + extension);
        }
    }

    /** A file to open, or null when cancelled. */
    Path openFile(String title, Kind kind, Path folder);

    /** A file to write, or null when cancelled. */
    Path saveFile(String title, Kind kind, Path folder, String suggestedName);

    /** A folder, or null when cancelled. */
    Path folder(String title, Path folder);

    /** The answers to "save the runs first?". */
    enum SaveFirst { SAVE, DISCARD, CANCEL }

    /** Save / Don't save / Cancel, before an action would let unsaved runs go; cancelled when closed. */
    SaveFirst askToSave(String title, String message);

    /** Whether the user agrees; {@code yes} names the action, e.g. "Replace". */
    boolean confirm(String title, String message, String yes);

    /** A problem, shown until dismissed: the message is one line saying what is wrong and what to do. */
    void error(String title, String message);
}
