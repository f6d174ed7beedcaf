package aelab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChildProcessTest {
    /** The children: "hang" says so and then sleeps for ever; "flood" writes 4 MB (far more than a pipe holds) and exits 3. */
    public static void main(String[] args) throws InterruptedException {
        if (args[0].equals("hang")) {
            System.out.println("hanging");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        byte[] line = ("x".repeat(1023) + "\n").getBytes();
        for (int i = 0; i < 4096; i++) System.out.write(line, 0, line.length);
        System.out.print("end");
        System.out.flush();
        System.exit(3);
    }

    @Test
    void aChildThatHangsIsKilledAtItsLimitAndItsOutputKept() throws Exception {
        long t0 = System.nanoTime();
        ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(ChildProcess.java(List.of(),
                ChildProcessTest.class.getName(), "hang")), Duration.ofSeconds(5));
        assertFalse(r.finished(), r.describe());
        assertEquals(-1, r.exit());
        assertTrue(r.output().contains("hanging"), r.describe());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(60).toNanos(), "the limit did not stop the wait");
    }

    @Test
    void aChildThatWritesMoreThanAPipeHoldsRunsToItsEnd() throws Exception {
        ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(ChildProcess.java(List.of(),
                ChildProcessTest.class.getName(), "flood")), Duration.ofSeconds(120));
        assertTrue(r.finished(), "killed at the time limit");
        assertEquals(3, r.exit());
        assertEquals(4096 * 1024 + 3, r.output().length());
        assertTrue(r.output().endsWith("\nend"));
    }
}
