package aelab.cli;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.io.ExperimentFileException;

import java.io.PrintStream;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The headless command line, parsed by picocli from the table in {@link Commands}. Never touches
 * JavaFX. Exit status: 0 done, 1 bad data or file or a run that failed (one line on stderr, never a
 * stack trace), 2 bad option (one line, the command's synopsis and where its help is).
 */
public final class Cli {
    /** An error line is cut here: it quotes what was typed, which can be any length. */
    private static final int MAX_MESSAGE = 300;

    private final PrintStream out, err;
    private final WindowMeasure window;

    /**
     * The one command that opens a window, handed in by whoever starts the command line: the
     * command line itself never loads JavaFX. Threads 0 means the app's own choice; warmUpSeconds is the
     * most the warm-up may take (0: one short warm-up run).
     */
    @FunctionalInterface
    public interface WindowMeasure {
        int measure(int epochs, int threads, int warmUpSeconds) throws Exception;
    }

    /** What a command writes to and may call. */
    record Io(PrintStream out, PrintStream err, WindowMeasure window) { }

    /** A command line without the window: window-bench says it cannot run here. */
    public Cli(PrintStream out, PrintStream err) {
        this(out, err, (epochs, threads, warmUp) -> {
            throw new CommandFailed("window-bench is not available from here; run it as java -jar autoencoder-lab.jar window-bench");
        });
    }

    public Cli(PrintStream out, PrintStream err, WindowMeasure window) {
        this.out = out;
        this.err = err;
        this.window = window;
    }

    /** Runs a command and returns the process exit status. */
    public int run(String[] args) {
        CommandLine root = Commands.parser(out, err);
        if (args.length == 0) {
            root.usage(out);
            return 0;
        }
        if (args[0].equals("help")) {   // "help" and "help train", as git and picocli's HelpCommand read them
            CommandLine which = args.length > 1 ? root.getSubcommands().get(args[1]) : root;
            if (which == null) return usageError(root, "unknown command '" + Commands.quoted(args[1]) + "'");
            which.usage(out);
            return 0;
        }
        ParseResult parsed;
        try {
            parsed = root.parseArgs(args);
        } catch (ParameterException e) {
            return usageError(e.getCommandLine(), inWords(e));
        }
        if (CommandLine.printHelpIfRequested(parsed)) return 0;
        if (!parsed.hasSubcommand()) return usageError(root, "give a command");
        ParseResult sub = parsed.subcommand();
        CommandLine command = root.getSubcommands().get(sub.commandSpec().name());
        try {
            return Commands.runner(sub).run(Commands.options(sub), new Io(out, err, window));
        } catch (UsageException e) {
            return usageError(command, e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            // Under a C or POSIX locale Java can name files only in ASCII, and a name such as "ü.aelab" fails.
            return usageError(command, "the name '" + Commands.quoted(e.getInput()) + "' has characters this Java cannot use in "
                    + "file names (file-name encoding " + System.getProperty("sun.jnu.encoding") + "); use a plain ASCII name, "
                    + "or run under a UTF-8 locale, e.g. LANG=C.UTF-8");
        } catch (DatasetException | CommandFailed | ExperimentFileException e) {
            err.println("error: " + cut(e.getMessage()));
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("error: this Java ran out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); raise it with -Xmx or choose smaller layers or batches");
            return 1;
        } catch (Exception e) {
            err.println("error: " + cut(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    /** One line saying what is wrong, the command's synopsis, and where its whole help is. */
    private int usageError(CommandLine command, String message) {
        String name = command.getCommandSpec().qualifiedName(" ").replace(Commands.JAR + " ", "");
        err.println("error: " + cut(message));
        err.print("usage: " + command.getHelp().synopsis(0));
        err.println("see '" + (command.getParent() == null ? "--help" : name + " --help") + "'");
        return 2;
    }

    /** Picocli's complaint as this program says it elsewhere: "unknown option --x", "--x needs a value". */
    private static String inWords(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String a = u.getUnmatched().get(0);
            if (a.startsWith("-")) return "unknown option " + Commands.quoted(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
            return e.getCommandLine().getParent() == null ? "unknown command '" + Commands.quoted(a) + "'"
                    : "unexpected argument '" + Commands.quoted(a) + "'";
        }
        if (e instanceof CommandLine.MissingParameterException m && m.getMissing() != null && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o)
            return o.longestName() + " needs a value (" + o.paramLabel() + ")";
        if (e instanceof CommandLine.OverwrittenOptionException w && w.getOverwritten() instanceof CommandLine.Model.OptionSpec o)
            return o.longestName() + " is given twice";
        return e.getMessage();
    }

    private static String cut(String message) {
        String m = message.strip();
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE) + "… (" + m.length() + " characters)";
    }

    static Dataset loadData(Options o) throws DatasetException {
        return o.has("data") ? Dataset.loadFolder(Path.of(o.string("data", "")).toAbsolutePath())
                : Dataset.loadBundledMnist();
    }

    /** The one positional argument a command takes, e.g. its file. */
    static Path onePositional(Options o, String what) throws UsageException {
        if (o.positional().isEmpty()) throw new UsageException("give the " + what);
        if (o.positional().size() > 1) throw new UsageException("unexpected argument '" + Commands.quoted(o.positional().get(1)) + "'");
        return Path.of(o.positional().get(0));
    }

    /** A command that could not do its work for a reason outside the options (a file, a failed run). */
    static final class CommandFailed extends Exception {
        CommandFailed(String message) { super(message); }
    }
}
