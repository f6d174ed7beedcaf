package aelab;

import aelab.testing.ChildProcess;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Where the Vector API cannot be had, the program still works on the reference kernels and says so.
 * Runs the real launcher in a child JVM without the module and with relaunching turned off.
 */
class KernelFallbackTest {
    @Test
    void withoutTheVectorModuleTrainingFallsBackAndSaysSo() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ChildProcess.java(List.of(), "aelab.Main", "bench", "--steps", "3",
                "--warmup", "1"));
        pb.environment().put("AELAB_NO_RELAUNCH", "1");
        ChildProcess.Result r = ChildProcess.run(pb, Duration.ofSeconds(120));
        String out = r.output();
        assertTrue(r.finished(), "the child JVM did not finish: " + r.describe());
        assertEquals(0, r.exit(), out);
        assertTrue(out.contains("using EJML reference"), out);
        assertTrue(out.contains("kernel EJML"), out);
        assertTrue(out.matches("(?s).*samples/s: \\d+\\s*"), out);
    }
}
