package aelab.app;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.ObjectName;

/**
 * Keeps the window's own code (JavaFX, JFreeChart, aelab.app) out of the JIT's optimising compiler, C2.
 *
 * C2 compiles one method at a time, in the order methods turn hot. In the first half minute of the app,
 * thousands of CSS, layout and chart methods turn hot, and the training's kernels waited behind them
 * for up to ten seconds, running as slower C1 code meanwhile: the first run trained at about half
 * speed. With this directive those methods stay with C1 (fully optimised, without profiling); the
 * kernels get C2 within a second or two. The window's code does little per frame, so C1 is fast enough
 * for it. The directive is added at run time through the JVM's diagnostic command (what
 * {@code jcmd Compiler.directives_add} does), so it holds however the app was started; where that is
 * not possible, the app runs as before and says so in its log.
 */
public final class WindowJit {
    static final String DIRECTIVE = """
            [ { match: ["javafx/*.*", "com/sun/javafx/*.*", "org/jfree/*.*", "aelab/app/*.*"], c2: { Exclude: true } } ]
            """;
    private static final System.Logger LOG = System.getLogger("aelab");

    private WindowJit() { }

    /** Adds the directive; true if the JVM took it. */
    public static boolean keepWindowCodeOutOfC2() {
        Path file = null;
        try {
            file = Files.createTempFile("aelab-jit", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            Object said = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            boolean added = String.valueOf(said).contains("1 compiler directives added");
            LOG.log(added ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                    "window code out of C2: " + String.valueOf(said).strip());
            return added;
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "window code stays with the default JIT policy (" + e + ")");
            return false;
        } finally {
            if (file != null) file.toFile().delete();
        }
    }
}
