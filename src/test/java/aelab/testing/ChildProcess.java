package aelab.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process to its end or to a time limit, for the tests that start one. Its output (standard
 * error merged in) is read on a thread of its own while this one waits, so a child that hangs still
 * times out, and one that writes more than a pipe holds never blocks on a full pipe. A child past its
 * limit is killed; what it wrote until then is kept for the failure message.
 */
public final class ChildProcess {
    private static final Duration AFTERMATH = Duration.ofSeconds(10);   // to reap a killed child, drain its pipe

    /** How a child ended: finished false when it was killed at the limit (exit is then −1). */
    public record Result(boolean finished, int exit, String output) {
        /** The output with how the child ended, for an assertion's message. */
        public String describe() {
            return (finished ? "exit " + exit : "killed at the time limit") + ", output:\n" + output;
        }
    }

    private ChildProcess() { }

    /** The java of this JVM, with the test class path, running mainClass: the start of a child JVM's command. */
    public static List<String> java(List<String> jvmOptions, String mainClass, String... args) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(jvmOptions);
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(mainClass);
        c.addAll(List.of(args));
        return c;
    }

    /** Starts the process and waits for it at most limit; throws only when it cannot start or the wait is interrupted. */
    public static Result run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        return start(builder).finish(limit);
    }

    /** Starts the process, its output read on a thread of its own from now on. */
    public static Running start(ProcessBuilder builder) throws IOException {
        return new Running(builder.redirectErrorStream(true).start());
    }

    /** A child that is still running: wait for a line of its output, signal it, then finish it. */
    public static final class Running {
        private final Process p;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();   // its methods are synchronized
        private final Thread reader;

        private Running(Process p) {
            this.p = p;
            reader = new Thread(() -> copy(p.getInputStream(), out), "child output " + p.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** The process itself (its handle, to signal it; its pid). */
        public Process process() { return p; }

        /** What it wrote so far. */
        public String output() { return out.toString(StandardCharsets.UTF_8); }

        /** Waits until its output holds text; false when it ended or limit passed first. */
        public boolean awaitOutput(String text, Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < end) {
                if (output().contains(text)) return true;
                if (!p.isAlive()) { reader.join(AFTERMATH.toMillis()); return output().contains(text); }
                Thread.sleep(20);
            }
            return false;
        }

        /** Waits for its end at most limit (killing it then) and returns how it ended. */
        public Result finish(Duration limit) throws InterruptedException {
            boolean finished = false;
            try {
                finished = p.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                if (!finished) {
                    p.destroyForcibly();
                    p.waitFor(AFTERMATH.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            reader.join(AFTERMATH.toMillis());   // the rest of its output; a grandchild holding the pipe cannot keep us
            return new Result(finished, finished ? p.exitValue() : -1, output());
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) out.write(buf, 0, n);
        } catch (IOException e) {
            // the pipe closed under us: the child was killed, and what it wrote so far is kept
        }
    }
}
