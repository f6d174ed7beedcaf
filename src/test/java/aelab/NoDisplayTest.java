package aelab;

import aelab.testing.ChildProcess;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The window asked for where there is no display: one line saying so and what works instead, exit 1, no trace. */
class NoDisplayTest {
    private static ChildProcess.Result window(String display, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ChildProcess.java(List.of(), "aelab.Main", args));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("AELAB_NO_RELAUNCH");   // as a user starts it: through the launcher
        if (display != null) pb.environment().put("DISPLAY", display);
        ChildProcess.Result r = ChildProcess.run(pb, Duration.ofSeconds(120));
        assertTrue(r.finished(), r.describe());
        return r;
    }

    private static void assertOneLine(ChildProcess.Result r, String says) {
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.output().contains(says), r.describe());
        assertTrue(r.output().contains("train, compare, eval, export-python, bench, selfcheck"), r.describe());
        assertFalse(r.output().contains("Exception") || r.output().contains("\tat "), r.describe());
        assertFalse(r.output().contains("Unsupported JavaFX configuration"), r.describe());
    }

    @Test
    void withoutADisplayTheWindowSaysSoInOneLine() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "DISPLAY is an X11 matter");
        assertOneLine(window(null), "error: the window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set");
    }

    @Test
    void aDisplayThatCannotBeOpenedIsSaidInOneLineToo() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "DISPLAY is an X11 matter");
        int n = 57;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) n++;   // a display nobody serves here
        assertOneLine(window(":" + n), "error: the window could not open the display :" + n);
    }

    @Test
    void windowBenchWithoutADisplayIsOneLineWithoutJavaFxsClassPathWarning() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "DISPLAY is an X11 matter");
        ChildProcess.Result r = window(null, "window-bench", "--epochs", "1");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.output().contains("error: window-bench opens the real window and could not"), r.describe());
        assertFalse(r.output().contains("Unsupported JavaFX configuration") || r.output().contains("\tat "), r.describe());
    }
}
