package aelab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Saves and opens experiment files ({@code .aelab}): a zip holding {@code experiment.json} and, per run,
 * the weights, the optimizer state and the batch history as raw little-endian arrays. The layout, the
 * fields and the version policy are described in {@code docs/experiment-format.md}.
 *
 * Version policy: {@link #VERSION} changes when an older reader could misread a file, and readers
 * refuse files of a newer version; {@link #MINOR_VERSION} changes when fields or entries are only added,
 * and readers ignore what they do not know.
 */
public final class ExperimentFile {
    public static final String EXTENSION = ".aelab";
    public static final String FORMAT = "aelab-experiment";
    public static final int VERSION = 2;   // 2: arrays as .npy entries (1: raw .f32)
    public static final int MINOR_VERSION = 1;   // 2.1: a run's kind, its parameters, a VAE's head, the kinds' figures
    /** The metadata entry; binary entries sit under {@code runs/<index>/}. */
    public static final String METADATA = "experiment.json";

    private ExperimentFile() { }

    /**
     * Writes the experiment atomically: a crash, a full disk or an error part-way leaves the file that
     * was there before (if any) untouched and no temporary file behind.
     */
    public static void write(Path file, Experiment experiment) throws IOException {
        write(file, experiment, UnaryOperator.identity());
    }

    /**
     * The same, not deflated: for the window's recovery copy, written every few seconds beside the
     * training. Float weights barely pack (the default model: 2.67 MB stored, 2.32 MB deflated), and
     * deflating costs ~75 ms of CPU a write against ~6 ms stored. Reads as any other file.
     */
    public static void writeQuick(Path file, Experiment experiment) throws IOException {
        AtomicFiles.write(file, out -> ExperimentWriter.write(out, experiment, java.util.zip.Deflater.NO_COMPRESSION));
    }

    /** The same, with the output stream wrapped; tests use it to make the disk fail part-way. */
    static void write(Path file, Experiment experiment, UnaryOperator<OutputStream> wrap) throws IOException {
        AtomicFiles.write(file, out -> ExperimentWriter.write(wrap.apply(out), experiment));
    }

    /**
     * Opens an experiment file, checking everything in it: a damaged, truncated, foreign or newer file,
     * or one whose parts do not fit together, gives an exception whose one-line message says so.
     */
    public static Experiment read(Path file) throws ExperimentFileException {
        return ExperimentReader.read(file);
    }
}
