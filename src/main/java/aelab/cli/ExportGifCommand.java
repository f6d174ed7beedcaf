package aelab.cli;

import aelab.io.AtomicFiles;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.SavedRun;
import aelab.io.gif.TimelineGif;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code export-gif FILE [--out FILE.gif]}: the timeline of the experiment's runs (all of them side by
 * side, as they were trained) as an animated GIF, a frame per snapshot; by default beside the file,
 * named after it. Written atomically: a failed export leaves whatever was there before.
 */
final class ExportGifCommand {
    static final String EXTENSION = ".gif";
    private final PrintStream out;

    ExportGifCommand(PrintStream out) { this.out = out; }

    int run(Options o) throws UsageException, ExperimentFileException, Cli.CommandFailed {
        Path file = Cli.onePositional(o, "FILE" + ExperimentFile.EXTENSION);
        if (o.has("out") && o.string("out", "").isEmpty()) throw new UsageException("--out needs a file name (FILE.gif)");
        Path target = o.has("out") ? Path.of(o.string("out", "")) : defaultTarget(file);
        Experiment e = ExperimentFile.read(file);
        checkTarget(file, target);
        List<TimelineGif.Source> sources = new ArrayList<>();
        for (int i = 0; i < e.runs().size(); i++) {
            SavedRun r = e.runs().get(i);
            sources.add(new TimelineGif.Source("run " + (i + 1) + " · " + r.label(), r.timeline()));
        }
        if (sources.stream().allMatch(s -> s.timeline().isEmpty()))
            throw new Cli.CommandFailed(file + " has no timeline: it was saved by an older version; train it again "
                    + "(or continue it and save) to record one");
        TimelineGif gif;
        try {
            gif = TimelineGif.of(sources);
        } catch (IllegalArgumentException ex) {
            throw new Cli.CommandFailed(file + ": " + ex.getMessage());
        }
        try {
            AtomicFiles.write(target, gif::write);
        } catch (IOException ex) {
            throw new Cli.CommandFailed("could not write " + target + ": " + Commands.reason(ex));
        }
        long bytes;
        try {
            bytes = Files.size(target);
        } catch (IOException ex) {
            throw new Cli.CommandFailed("wrote " + target + " but cannot read its size: " + ex.getMessage());
        }
        out.println("wrote " + gif.frames() + " frames (steps " + gif.firstStep() + " to " + gif.lastStep() + ") to "
                + target + ", " + Math.max(1, Math.round(bytes / 1024.0)) + " KB");
        return 0;
    }

    /** The experiment's path with .gif in place of .aelab (or added, for another name). */
    static Path defaultTarget(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(ExperimentFile.EXTENSION) ? name.substring(0, name.length() - ExperimentFile.EXTENSION.length()) : name;
        return file.resolveSibling(stem + EXTENSION);
    }

    /** Refuses, before any frame is drawn, a target that cannot be written, is in no folder, or is the experiment. */
    private static void checkTarget(Path file, Path target) throws Cli.CommandFailed {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.equals(file.toAbsolutePath().normalize()))
            throw new Cli.CommandFailed("could not write " + target + ": it is the experiment file itself; give --out a "
                    + EXTENSION + " name");
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir))
            throw new Cli.CommandFailed("could not write " + target + ": " + (Files.exists(dir) ? "not a folder: " + dir
                    + " is a file" : "no such folder: " + dir));
        Optional<String> problem = AtomicFiles.checkWritable(target);
        if (problem.isPresent()) throw new Cli.CommandFailed("could not write " + problem.get());
    }
}
