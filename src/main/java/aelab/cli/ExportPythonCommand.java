package aelab.cli;

import aelab.io.AtomicFiles;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.PythonExport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code export-python FILE --framework keras|pytorch [--out SCRIPT.py]}: writes a script that trains
 * the experiment's runs on with that framework, from the weights it reads in FILE (found by its path
 * relative to the script); by default beside the file, with {@code --out -} to stdout.
 */
final class ExportPythonCommand {
    private final PrintStream out;

    ExportPythonCommand(PrintStream out) { this.out = out; }

    int run(Options o) throws UsageException, ExperimentFileException, Cli.CommandFailed {
        Path file = Cli.onePositional(o, "FILE" + ExperimentFile.EXTENSION);
        if (!o.has("framework")) throw new UsageException("--framework is required: keras or pytorch");
        PythonExport.Framework framework = o.choice("framework", null, PythonExport.Framework::parse);
        aelab.io.Experiment experiment = ExperimentFile.read(file);
        String target = o.string("out", "");
        if (target.equals("-")) {
            out.print(PythonExport.script(experiment, file.toAbsolutePath().toString(), framework));
            return 0;
        }
        Path path = target.isEmpty()
                ? file.toAbsolutePath().resolveSibling(PythonExport.defaultName(file.getFileName().toString(), framework))
                : Path.of(target);
        // the script finds the experiment's weights by this path, relative to its own folder
        Path experimentPath = path.toAbsolutePath().getParent().relativize(file.toAbsolutePath());
        try {
            AtomicFiles.writeString(path, PythonExport.script(experiment, experimentPath.toString(), framework));
        } catch (IOException e) {
            throw new Cli.CommandFailed("could not write " + path + ": " + Commands.reason(e));
        }
        out.println("wrote " + path + "; run it with: python3 " + path.getFileName() + " [MNIST_FOLDER]"
                + " (it starts from the weights in " + experimentPath + "; --init fresh for new ones)");
        return 0;
    }
}
