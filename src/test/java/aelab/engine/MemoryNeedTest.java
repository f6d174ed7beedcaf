package aelab.engine;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The memory a run needs, counted in long, and the one-line refusal when it does not fit. */
class MemoryNeedTest {
    @Test
    void smallNetworkByHand() {
        // widths 4-3-4: P = 4·3 + 3 + 3·4 + 4 = 31 parameters. SGD keeps 1 state array per parameter.
        // Training: model + last good model + state + last good state = 2·(1 + 1)·31 = 124 floats, plus one
        // worker (batch 2, 1 thread, R = 2 rows) with gradients (31) and row buffers R·(x 4 + z 4 + a 3 + 4
        // + δ 2·4) = 2·23 = 46: 124 + 77 = 201 floats. The checkpoint at the end: 3·2·31 + the largest
        // array (12) = 198. The peak, 201 floats, is 804 bytes.
        MemoryNeed m = MemoryNeed.of(new int[]{4, 3, 4}, 2, 1, OptimizerKind.SGD);
        assertEquals(31, m.parameters());
        assertEquals(804, m.bytes());
        assertEquals(Optional.empty(), m.problem(1L << 30));
    }

    @Test
    void adamKeepsTwoStateArraysAndThreadsShareTheBatch() {
        // Adam: 2·(1 + 2)·31 = 186; two threads of R = 1 row: 2·(31 + 23) = 108; 294 floats = 1176 bytes
        // (the checkpoint, 3·3·31 + 12 = 291, is below it)
        assertEquals(1176, MemoryNeed.of(new int[]{4, 3, 4}, 2, 2, OptimizerKind.ADAM).bytes());
        // more threads than rows: only as many workers as rows are used
        assertEquals(MemoryNeed.of(new int[]{4, 3, 4}, 2, 2, OptimizerKind.ADAM),
                MemoryNeed.of(new int[]{4, 3, 4}, 2, 64, OptimizerKind.ADAM));
    }

    @Test
    void hugeLayersAreCountedWithoutOverflow() {
        MemoryNeed m = MemoryNeed.of(new int[]{784, 50000, 50000, 784}, 100, 2, OptimizerKind.ADAM);
        assertEquals(784L * 50000 + 50000 + 50000L * 50000 + 50000 + 50000L * 784 + 784, m.parameters());
        assertTrue(m.bytes() > 6 * 4 * m.parameters());
        String p = m.problem(Long.MAX_VALUE).orElseThrow();
        assertTrue(p.contains("50000 × 50000") && p.contains("more than one Java array"), p);
    }

    @Test
    void tooLittleMemoryIsOneLineWithBothFigures() {
        MemoryNeed m = MemoryNeed.of(new int[]{784, 20000, 20000, 784}, 100, 2, OptimizerKind.ADAM);
        String p = m.problem(4L << 30).orElseThrow();
        // P = 784·20000 + 20000 + 20000² + 20000 + 20000·784 + 784 = 431,400,784; the peak is the checkpoint
        // at the end: 3·(1 + 2)·P + the largest array (20000²) = 4,282,607,056 floats = 15.95 GiB
        assertTrue(p.startsWith("needs about 16.0 GB of memory for 431,400,784 parameters"), p);
        assertTrue(p.endsWith("; this Java has 4.0 GB (raise it with -Xmx or choose smaller layers)"), p);
        assertFalse(p.contains("\n"));
    }

    @Test
    void anAutoencoderTooLargeForAnArraySaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Autoencoder(new int[]{784, 50000, 50000, 784}, Activation.RELU, Activation.SIGMOID));
        assertTrue(e.getMessage().contains("more than one Java array"), e.getMessage());
    }

    @Test
    void aTrainerThatCannotFitRefusesAtOnceWithTheMemoryMessage() {
        TrainingConfig big = TrainingConfig.defaults().with(Settings.LAYERS, new int[]{784, 20000, 20000, 784}).withThreads(2);
        assumeTrue(MemoryNeed.of(big).bytes() > Runtime.getRuntime().maxMemory(),
                "this JVM has enough heap for the big run, so it would not be refused");
        long t0 = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(big, null, new TrainingListener() { }));
        assertTrue(e.getMessage().startsWith("needs about "), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "refused before allocating anything");
    }
}
