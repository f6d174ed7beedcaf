package aelab;

import aelab.cli.Cli;

import java.lang.module.ModuleFinder;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the jar. With no arguments it opens the desktop app; with a command it runs headless
 * and never loads JavaFX. It does not extend Application: on the class path JavaFX refuses to start
 * a main class that does.
 *
 * The fast kernel needs the incubator module jdk.incubator.vector, which only a command-line flag can
 * add (a jar manifest cannot). When the module exists in this Java but was not added, Main starts the
 * same Java once more with the flag and the same arguments; where that is impossible, the engine
 * falls back to its reference kernel and says so.
 *
 * The started process is then only a launcher; the child does the work. Signals sent to the launcher
 * (SIGTERM, SIGINT) are passed to the child as SIGTERM, the launcher waits for it and exits with its
 * status; a launcher that dies without a word (SIGKILL) is noticed by the child, which stops as on
 * SIGTERM (see LauncherWatch).
 */
public final class Main {
    static final String VECTOR = "jdk.incubator.vector";
    static final String CHILD_MARK = "aelab.relaunched";

    private Main() { }

    public static void main(String[] args) {
        LauncherWatch.startIfRelaunched();
        if (needsRelaunch()) {
            Integer status = relaunch(args);
            if (status != null) System.exit(status);
        }
        if (args.length == 0) {
            // Only a failure exits here: after a normal close the JVM ends by itself once the window's threads do.
            int status = aelab.app.Launcher.launch(args);
            if (status != 0) System.exit(status);
            return;
        }
        int status = new Cli(System.out, System.err, aelab.bench.WindowBench::run).run(args);
        System.out.flush();
        System.exit(status);
    }

    private static boolean needsRelaunch() {
        return ModuleLayer.boot().findModule(VECTOR).isEmpty()
                && ModuleFinder.ofSystem().find(VECTOR).isPresent()
                && System.getProperty(CHILD_MARK) == null
                && System.getenv("AELAB_NO_RELAUNCH") == null;
    }

    /** Runs this program again with the Vector API; its exit status, or null if it could not start. */
    private static Integer relaunch(String[] args) {
        try {
            String java = ProcessHandle.current().info().command().orElse(null);
            if (java == null) return null;
            List<String> cmd = new ArrayList<>();
            cmd.add(java);
            cmd.add("--add-modules=" + VECTOR);
            cmd.add("-D" + CHILD_MARK + "=true");
            cmd.add("-D" + LauncherWatch.PID_PROPERTY + "=" + ProcessHandle.current().pid());
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> passOn(p), "aelab-launcher-shutdown"));
            return p.waitFor();
        } catch (Exception | LinkageError e) {
            System.err.println("note: could not restart with the Vector API (" + e.getMessage()
                    + "); using the reference kernel");
            return null;
        }
    }

    /**
     * The launcher is shutting down — its child ended, or the launcher got SIGTERM or SIGINT: the child
     * gets SIGTERM (a no-op if it has ended), the launcher waits until it has stopped and saved, then
     * ends with the child's status rather than its own signal's, so a caller sees what the work did.
     * halt, not exit: this is a shutdown hook, and exit would block.
     */
    private static void passOn(Process p) {
        p.destroy();
        try {
            Runtime.getRuntime().halt(p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
