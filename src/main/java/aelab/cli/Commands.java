package aelab.cli;

import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.io.AppVersion;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every headless command, described once: its name, what it does, its options (the experiment's
 * settings generated from {@link Settings#ALL}) and what runs it. Picocli builds the parser, the
 * {@code --help} of each command and the top-level usage from this table, so the usage cannot drift
 * from what is parsed (and the README's copy is checked against it by a test).
 */
final class Commands {
    static final String JAR = "java -jar autoencoder-lab.jar";
    /** Longer option values are refused before they are parsed: no number or path needs this many. */
    static final int MAX_VALUE_LENGTH = 1000;
    private static final int WIDTH = 100;

    /** What a command does with its matched options; the exit status. */
    @FunctionalInterface
    interface Runner {
        int run(Options o, Cli.Io io) throws Exception;
    }

    /** One option that is not a setting: its name without dashes, its value's label, its help line. */
    private record Opt(String name, String label, String help) { }

    private record Command(String name, String help, boolean settings, String positional, List<Opt> options,
                           Runner runner) { }

    private static final Opt DATA = new Opt("data", "DIR", "folder of MNIST-layout IDX files (default: the bundled MNIST)");

    private static final List<Command> ALL = List.of(
            new Command("train", "Train one experiment headless, a line per epoch.", true, null, List.of(DATA,
                    new Opt("metrics", "FILE.csv", "write per-epoch metrics as CSV"),
                    new Opt("save", "FILE.aelab", "save the experiment (weights, optimizer state, history) at the end, "
                            + "also when stopped (Ctrl-C) or diverged"),
                    new Opt("resume", "FILE.aelab", "train a saved experiment's runs on from where they stopped, to --epochs "
                            + "in all (default: their planned epochs), as if they had never stopped; saved back to the "
                            + "file unless --save names another")),
                    (o, io) -> new TrainCommand(io.out(), io.err()).run(o)),
            new Command("compare", "Train 2-4 runs side by side (same seed, weights and batches); print a results table.",
                    true, null, List.of(DATA,
                    new Opt("runs", "RUN,RUN,...", "the runs, each OUT:LOSS[:SCALE] or a kind with its parameter, e.g."
                            + " softmax:bce:raw,sigmoid:bce,sigmoid:mse or plain,vae,denoising:gaussian:0.5,sparse:0.0001 (required)"),
                    new Opt("metrics-dir", "DIR", "write one metrics CSV per run"),
                    new Opt("save", "FILE.aelab", "save every run in one experiment file")),
                    (o, io) -> new CompareCommand(io.out()).run(o)),
            new Command("eval", "Evaluate the saved runs of an experiment file on the test images.", false,
                    "FILE.aelab", List.of(DATA), (o, io) -> new EvalCommand(io.out(), io.err()).run(o)),
            new Command("export-python", "Write a Keras or PyTorch script that trains the same runs.", false,
                    "FILE.aelab", List.of(
                    new Opt("framework", "keras|pytorch", "the framework (required)"),
                    new Opt("out", "SCRIPT.py|-", "where to write it (default: beside the file; - for standard output)")),
                    (o, io) -> new ExportPythonCommand(io.out()).run(o)),
            new Command("export-gif", "Animate the runs' timeline (their reconstructions as they learned) as a GIF.",
                    false, "FILE.aelab", List.of(
                    new Opt("out", "FILE.gif", "where to write it (default: beside the file, .gif for .aelab)")),
                    (o, io) -> new ExportGifCommand(io.out()).run(o)),
            new Command("export-weights", "Write a saved run's trained weights as NumPy .npz or safetensors, named as "
                    + "the exported PyTorch model's layers (0.weight, 0.bias, 2.weight, ...).", false, "FILE.aelab", List.of(
                    new Opt("format", "npz|safetensors", "the container (required)"),
                    new Opt("out", "FILE", "where to write it (default: beside the file)"),
                    new Opt("run", "N", "which run of the file (required when it holds several)")),
                    (o, io) -> new ExportWeightsCommand(io.out()).run(o)),
            new Command("bench", "Samples per second of the default training step, and the test-set evaluation time.",
                    false, null, List.of(DATA,
                    new Opt("steps", "N", "timed mini-batches (default 400)"),
                    new Opt("warmup", "N", "mini-batches before timing (default 60)"),
                    new Opt("threads", "N", "training threads (default: every core)"),
                    new Opt("kind", "plain|denoising|sparse|vae", "the kind of autoencoder; other than plain, also"
                            + " times plain in alternating rounds and prints the ratio of their step costs")),
                    (o, io) -> new BenchCommand(io.out()).run(o)),
            new Command("selfcheck", "Check that an installation works, headless: data, kernels, a short run.",
                    false, null, List.of(), (o, io) -> new SelfCheckCommand(io.out()).run(o)),
            new Command("window-bench", "What the window's drawing costs the training: opens the real window (needs a "
                    + "display) and trains with drawing switched off and on every second.", false, null, List.of(
                    new Opt("epochs", "N", "epochs of the measured run, after the warm-up (default 20)"),
                    new Opt("warm-up", "S", "at most S seconds of warm-up runs, which end once the JIT compiles under 2 % "
                            + "of the time (default 300; 0: one run of 8 epochs)"),
                    new Opt("threads", "N", "training threads (default: the app's own choice)")),
                    (o, io) -> io.window().measure(o.integer("epochs", 20, 1, 10_000), o.integer("threads", 0, 1, 1024),
                            o.integer("warm-up", 300, 0, 86_400))));

    private Commands() { }

    /** The parser of every command, printing help to out. */
    static CommandLine parser(PrintStream out, PrintStream err) {
        CommandSpec root = CommandSpec.create().name(JAR).version("Autoencoder Lab " + AppVersion.VERSION)
                .mixinStandardHelpOptions(true);
        root.usageMessage().synopsisHeading("usage: ").description("With no command, opens the desktop app.");
        CommandLine cl = new CommandLine(root);
        for (Command c : ALL) cl.addSubcommand(c.name(), new CommandLine(spec(c)));
        cl.setUsageHelpWidth(WIDTH);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl;
    }

    private static CommandSpec spec(Command c) {
        CommandSpec s = CommandSpec.create().name(c.name()).mixinStandardHelpOptions(true)
                .version("Autoencoder Lab " + AppVersion.VERSION);
        s.usageMessage().description(literal(c.help())).synopsisHeading("usage: ").abbreviateSynopsis(true).sortOptions(false);
        if (c.settings())
            for (Setting<?> set : Settings.ALL) s.addOption(option(set.flag(), set.paramLabel(), ConfigOptions.description(set)));
        for (Opt o : c.options()) s.addOption(option(o.name(), o.label(), o.help()));
        if (c.positional() != null)
            // One file: "0..*" showed "[FILE.aelab...]" in the synopsis, promising several. "0..1", not "1", so that
            // a missing file is the command's own one-line "give the FILE.aelab", not picocli's wording.
            s.addPositional(PositionalParamSpec.builder().paramLabel(c.positional()).arity("0..1").type(String.class)
                    .description("the experiment file").build());
        return s;
    }

    private static OptionSpec option(String name, String label, String help) {
        return OptionSpec.builder("--" + name).paramLabel(label).description(literal(help)).type(String.class).arity("1").build();
    }

    /** Picocli reads help text as a format: a % in ours ("under 2 % of the time") is meant as itself. */
    private static String literal(String help) { return help.replace("%", "%%"); }

    /** The runner of the matched command and its options, or null when the root itself matched. */
    static Runner runner(ParseResult sub) {
        String name = sub.commandSpec().name();
        for (Command c : ALL) if (c.name().equals(name)) return c.runner();
        return null;
    }

    /** The matched options by name (without dashes) with the values as typed, and the arguments. */
    static Options options(ParseResult sub) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionSpec o : sub.matchedOptions()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            List<String> typed = o.stringValues();
            values.put(o.longestName().substring(2), typed.isEmpty() ? "" : typed.get(typed.size() - 1));
        }
        List<String> args = new ArrayList<>();
        for (PositionalParamSpec p : sub.matchedPositionals()) args.addAll(p.stringValues());
        for (String v : values.values()) tooLong(v);
        for (String a : args) tooLong(a);
        return new Options(values, args);
    }

    /** Refuses an argument past {@link #MAX_VALUE_LENGTH} characters before anything parses it. */
    static void tooLong(String v) throws UsageException {
        if (v.length() > MAX_VALUE_LENGTH)
            throw new UsageException("a value of " + v.length() + " characters ('" + quoted(v) + "'): values are at most "
                    + MAX_VALUE_LENGTH + " characters");
    }

    /** Why a write failed, without the path the message already names. */
    static String reason(Exception e) {
        return e instanceof aelab.io.AtomicFiles.WriteFailed w ? w.reason() : e.getMessage();
    }

    /** Typed input as a message quotes it: at most 40 characters. */
    static String quoted(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }

    /** The usage of the top level and of every command, as the README shows it. */
    static String usageOfAll() {
        PrintStream none = new PrintStream(java.io.OutputStream.nullOutputStream());
        CommandLine cl = parser(none, none);
        StringBuilder b = new StringBuilder(cl.getUsageMessage());
        for (Command c : ALL) b.append('\n').append(cl.getSubcommands().get(c.name()).getUsageMessage());
        return b.toString();
    }
}
