package aelab.cli;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.io.ExperimentFileException;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The headless command line. Never touches JavaFX. Exit status: 0 done, 1 bad data or file or a run
 * that failed (one line on stderr, never a stack trace), 2 bad option (with usage).
 */
public final class Cli {
    static final String USAGE = """
            usage: java -jar autoencoder-lab.jar                  open the desktop app
                   java -jar autoencoder-lab.jar train [options]  train one experiment headless
                   java -jar autoencoder-lab.jar compare --runs OUT:LOSS[:SCALE],... [options]
                                                  train 2-4 runs side by side, print a results table
                   java -jar autoencoder-lab.jar eval FILE.aelab [--data DIR]
                                                  evaluate the saved runs on the test images
                   java -jar autoencoder-lab.jar export-python FILE.aelab --framework keras|pytorch [--out SCRIPT.py|-]
                                                  write a Python script that trains the same runs
                   java -jar autoencoder-lab.jar bench [--steps N] [--threads N]
                   java -jar autoencoder-lab.jar window-bench [--epochs N] [--threads N]
                                                  what the window's drawing costs the training (needs a display)
                   java -jar autoencoder-lab.jar selfcheck        check an installation works, headless
            train and compare options:
            """ + ConfigOptions.USAGE + """
              --data DIR                        folder of MNIST-layout IDX files (default: bundled MNIST)
              --metrics FILE.csv                train: write per-epoch metrics as CSV
              --save FILE.aelab                 save the experiment (weights, optimizer state, history) at the
                                                end, also when stopped (Ctrl-C) or diverged; compare saves all runs
              --runs sigmoid:bce,softmax:bce:raw compare: the runs (output:loss[:scale])
              --metrics-dir DIR                 compare: write one metrics CSV per run
            """;

    private final PrintStream out, err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs a command and returns the process exit status. */
    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return 0;
        }
        try {
            return switch (args[0]) {
                case "train" -> new TrainCommand(out, err).run(args);
                case "bench" -> new BenchCommand(out).run(args);
                case "compare" -> new CompareCommand(out).run(args);
                case "selfcheck" -> new SelfCheckCommand(out).run(args);
                case "eval" -> new EvalCommand(out, err).run(args);
                case "export-python" -> new ExportPythonCommand(out).run(args);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (DatasetException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (CommandFailed | ExperimentFileException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static Dataset loadData(Options o) throws DatasetException {
        return o.has("data") ? Dataset.loadFolder(Path.of(o.string("data", "")).toAbsolutePath())
                : Dataset.loadBundledMnist();
    }

    /** The one positional argument a command takes, e.g. its file. */
    static Path onePositional(Options o, String what) throws UsageException {
        if (o.positional().isEmpty()) throw new UsageException("give the " + what);
        if (o.positional().size() > 1) throw new UsageException("unexpected argument '" + o.positional().get(1) + "'");
        return Path.of(o.positional().get(0));
    }

    /** A command that could not do its work for a reason outside the options (a file, a failed run). */
    static final class CommandFailed extends Exception {
        CommandFailed(String message) { super(message); }
    }
}
