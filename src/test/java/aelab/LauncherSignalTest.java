package aelab;

import aelab.io.ExperimentFile;
import aelab.io.SavedRun;
import aelab.testing.ChildProcess;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar} relaunches itself with the Vector API, so the process a user (or a service manager)
 * signals is only the launcher. A signal to it must do what it does to the trainer, and a launcher
 * killed outright must not leave the trainer running. These start the real launcher, letting it relaunch.
 */
class LauncherSignalTest {
    // Far more than the test waits for: a trainer left running must still be running when the test looks.
    private static final String EPOCHS = "10000";

    @TempDir Path dir;

    @BeforeEach
    void needsARelaunch() {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("win"), "signals are a Unix matter");
        assumeTrue(ModuleFinder.ofSystem().find(Main.VECTOR).isPresent(), "this Java has no " + Main.VECTOR + ": no relaunch");
    }

    private static ProcessBuilder train(Path save, boolean relaunch) {
        List<String> jvm = relaunch ? List.of() : List.of("--add-modules=" + Main.VECTOR);
        ProcessBuilder pb = new ProcessBuilder(ChildProcess.java(jvm, "aelab.Main", "train", "--epochs", EPOCHS,
                "--train-limit", "500", "--test-limit", "100", "--batch", "50", "--threads", "1", "--save", save.toString()));
        if (relaunch) pb.environment().remove("AELAB_NO_RELAUNCH");
        else pb.environment().put("AELAB_NO_RELAUNCH", "1");
        return pb;
    }

    private static void assertSavedPart(Path f, String output) throws Exception {
        assertTrue(output.contains("saved " + f), output);
        SavedRun r = ExperimentFile.read(f).runs().get(0);
        int done = r.checkpoint().epochsDone();
        assertTrue(done >= 2 && done < Integer.parseInt(EPOCHS), "epochs " + done);
        assertEquals(done, r.epochs().size());
    }

    /** Runs train, signals the started process at epoch 2, and returns how it ended after checking the file. */
    private ChildProcess.Result signalledAtEpoch2(String name, boolean relaunch, String signal) throws Exception {
        Path f = dir.resolve(name);
        ChildProcess.Running p = ChildProcess.start(train(f, relaunch));
        assertTrue(p.awaitOutput("epoch 2/", Duration.ofSeconds(120)), p.output());
        ProcessHandle child = p.process().toHandle().children().findFirst().orElse(null);
        if (relaunch) assertNotNull(child, "no child: it did not relaunch");
        if (signal.equals("TERM")) p.process().toHandle().destroy();   // Process.destroy() would close our end of its output
        else assertEquals(0, new ProcessBuilder("kill", "-" + signal, "" + p.process().pid()).inheritIO().start().waitFor());
        boolean ended = p.process().waitFor(90, TimeUnit.SECONDS);
        // A launcher that ends before its trainer has saved tells its caller the work is done when it is not.
        if (ended && child != null) assertFalse(child.isAlive(), "the launcher ended before its trainer");
        ChildProcess.Result r = p.finish(Duration.ofSeconds(30));
        assertTrue(r.finished(), r.describe());
        assertSavedPart(f, r.output());
        return r;
    }

    @Test
    void sigtermToTheLauncherStopsAndSavesTheRunWithTheTrainersStatus() throws Exception {
        int direct = signalledAtEpoch2("direct.aelab", false, "TERM").exit();
        ChildProcess.Result viaLauncher = signalledAtEpoch2("launched.aelab", true, "TERM");
        assertEquals(direct, viaLauncher.exit(), viaLauncher.describe());
        assertEquals(LauncherWatch.STOPPED, viaLauncher.exit(), "the JVM's own status on SIGTERM");
    }

    /**
     * Ctrl-C at a terminal reaches launcher and trainer alike (one process group) and ends both with 130;
     * a SIGINT to the launcher alone reaches the trainer as SIGTERM, the only signal Java can send, so 143.
     */
    @Test
    void sigintToTheLauncherAloneStopsAndSavesTheRun() throws Exception {
        ChildProcess.Result r = signalledAtEpoch2("interrupted.aelab", true, "INT");
        assertEquals(LauncherWatch.STOPPED, r.exit(), r.describe());
    }

    @Test
    void aKilledLauncherTakesTheTrainerWithItAndTheRunIsSaved() throws Exception {
        Path f = dir.resolve("orphan.aelab");
        // The output goes to a file: a pipe read through the launcher's Process is closed by Java once the
        // launcher has ended, and what its child writes after that (the "saved" line) would be lost.
        Path log = dir.resolve("orphan.log");
        Process launcher = train(f, true).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<ProcessHandle> started = new java.util.ArrayList<>(List.of(launcher.toHandle()));
        try {
            assertTrue(await(log, "epoch 2/", Duration.ofSeconds(120)), Files.readString(log));
            ProcessHandle child = launcher.toHandle().children().findFirst().orElseThrow(() -> new AssertionError("no child"));
            started.add(child);
            long t0 = System.nanoTime();
            launcher.toHandle().destroyForcibly();   // SIGKILL: the launcher can pass nothing on
            assertTrue(await(log, "saved " + f, Duration.ofSeconds(20)), "no save 20 s after the launcher was killed: " + Files.readString(log));
            double saved = (System.nanoTime() - t0) / 1e9;
            boolean gone = child.onExit().thenApply(h -> true).completeOnTimeout(false, 20, TimeUnit.SECONDS).get();
            double ended = (System.nanoTime() - t0) / 1e9;
            // "ended" includes the wait for whoever adopts the orphan to reap it, which varies with the system.
            System.out.printf(Locale.ROOT, "after its launcher was killed the trainer had saved in %.2f s and was gone in %.2f s%n", saved, ended);
            assertTrue(gone, "the trainer still runs 20 s after its launcher was killed: " + Files.readString(log));
            assertSavedPart(f, Files.readString(log));
        } finally {
            started.forEach(ProcessHandle::destroyForcibly);   // a trainer left running would train for minutes
        }
    }

    private static boolean await(Path log, String text, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (Files.readString(log).contains(text)) return true;
            Thread.sleep(20);
        }
        return false;
    }
}
