package aelab.cli;

import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.SavedRun;
import aelab.io.WeightsExport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code export-weights FILE.aelab --format npz|safetensors [--out FILE] [--run N]}: a run's trained
 * weights under the exported PyTorch model's names (see {@link WeightsExport}); by default beside the file.
 */
final class ExportWeightsCommand {
    private final PrintStream out;

    ExportWeightsCommand(PrintStream out) { this.out = out; }

    int run(Options o) throws UsageException, ExperimentFileException, Cli.CommandFailed {
        Path file = Cli.onePositional(o, "FILE" + ExperimentFile.EXTENSION);
        if (!o.has("format")) throw new UsageException("--format is required: npz or safetensors");
        WeightsExport.Format format = o.choice("format", null, WeightsExport.Format::parse);
        Experiment e = ExperimentFile.read(file);
        int runs = e.runs().size();
        if (runs > 1 && !o.has("run"))
            throw new UsageException(file + " holds " + runs + " runs; give --run N (1 to " + runs + ") for the one to export");
        int n = o.integer("run", 1, 1, runs);
        SavedRun r = e.runs().get(n - 1);
        Path path = o.has("out") ? o.target("out")
                : file.toAbsolutePath().resolveSibling(WeightsExport.defaultName(file.getFileName().toString(), format, n, runs));
        if (path.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize()))
            throw new UsageException("--out is the experiment file itself; give another name");
        try {
            WeightsExport.write(path, r.checkpoint().model(), format, WeightsExport.metadata(r.config(), r.checkpoint().epochsDone()));
        } catch (IOException x) {
            throw new Cli.CommandFailed("could not write " + path + ": " + Commands.reason(x));
        }
        out.println("wrote run " + n + "'s weights (" + r.label() + ", " + r.checkpoint().epochsDone() + " epochs) to " + path
                + " as " + format + ": " + (r.config().layers().length - 1) + " Linear layers named 0.weight, 0.bias, 2.weight, …");
        return 0;
    }
}
