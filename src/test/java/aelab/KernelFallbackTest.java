package aelab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Where the Vector API cannot be had, the program still works on the reference kernels and says so.
 * Runs the real launcher in a child JVM without the module and with relaunching turned off.
 */
class KernelFallbackTest {
    @Test
    void withoutTheVectorModuleTrainingFallsBackAndSaysSo() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "aelab.Main", "bench", "--steps", "3", "--warmup", "1"));
        pb.environment().put("AELAB_NO_RELAUNCH", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("using EJML reference"), out);
        assertTrue(out.contains("kernel EJML"), out);
        assertTrue(out.matches("(?s).*samples/s: \\d+\\s*"), out);
    }
}
