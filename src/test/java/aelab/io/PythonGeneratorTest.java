package aelab.io;

import aelab.engine.Activation;
import aelab.engine.Autoencoder;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.io.PythonExport.Framework;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exported scripts' port of java.util.SplittableRandom, and the app's first weights and epoch orders
 * built on it, against this Java's own numbers: what --parity replays must be the app's draw for draw.
 * The script is imported as a module (its main does not run) and prints what the test asks for.
 */
class PythonGeneratorTest {
    @TempDir
    Path dir;
    String python;
    Path script;

    @BeforeEach
    void export() throws Exception {
        python = Python.thatCan("import numpy, torch").orElse(null);
        assumeTrue(python != null, "no Python 3 with numpy and torch here (the PyTorch script imports both)");
        script = Files.writeString(dir.resolve("exported.py"), PythonExportTest.script(Framework.PYTORCH, TrainingConfig.defaults()));
    }

    /** Runs `code` with the exported script imported as s; its printed lines. */
    List<String> py(String code) throws Exception {
        String program = "import importlib.util, sys\n"
                + "spec = importlib.util.spec_from_file_location('s', sys.argv[1])\n"
                + "s = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(s)\n"
                + "import struct\nbits = lambda d: struct.unpack('<q', struct.pack('<d', d))[0]\n" + code;
        Python.Result r = Python.run(List.of(python, "-c", program, script.toString()), 120);
        assertEquals(0, r.exit(), r.output());
        return r.output().lines().toList();
    }

    static final long[] SEEDS = {42, 0, -7, Long.MIN_VALUE, Long.MAX_VALUE, 987654321987654321L};

    @Test
    void longsIntsAndDoublesAreJavasDrawForDraw() throws Exception {
        StringBuilder code = new StringBuilder();
        List<String> want = new ArrayList<>();
        for (long seed : SEEDS) {
            code.append("r = s.SplittableRandom(").append(seed).append(")\n")
                    .append("print(*[r.next_long() for _ in range(5)], *[r.next_int() for _ in range(5)], "
                            + "*[bits(r.next_double()) for _ in range(5)])\n");
            SplittableRandom r = new SplittableRandom(seed);
            List<String> line = new ArrayList<>();
            for (int i = 0; i < 5; i++) line.add(Long.toString(r.nextLong()));
            for (int i = 0; i < 5; i++) line.add(Integer.toString(r.nextInt()));
            for (int i = 0; i < 5; i++) line.add(Long.toString(Double.doubleToRawLongBits(r.nextDouble())));
            want.add(String.join(" ", line));
        }
        assertEquals(want, py(code.toString()));
    }

    /**
     * Bounded ints: powers of two take the low bits; 3·2^29 rejects about a quarter of its candidates, so
     * the redraw loop runs many times; 2^31 − 1 is the largest bound. Bounded doubles: the Glorot ranges.
     */
    @Test
    void boundedIntsAndDoublesFollowTheJdksRules() throws Exception {
        int[] bounds = {1, 2, 7, 64, 1000, 60_000, 3 << 29, Integer.MAX_VALUE};
        double[] ranges = {Math.sqrt(6.0 / (784 + 128)), Math.sqrt(6.0 / (28 + 64)), 1e-300, 1.0};
        StringBuilder code = new StringBuilder("r = s.SplittableRandom(-123456789)\n");
        SplittableRandom r = new SplittableRandom(-123456789);
        List<String> want = new ArrayList<>();
        for (int bound : bounds) {
            code.append("print(*[r.next_int_below(").append(bound).append(") for _ in range(200)])\n");
            List<String> line = new ArrayList<>();
            for (int i = 0; i < 200; i++) line.add(Integer.toString(r.nextInt(bound)));
            want.add(String.join(" ", line));
        }
        for (double range : ranges) {
            // Java's toString of a double reads back as the same double in Python too
            code.append("print(*[bits(r.next_double_in(-").append(range).append(", ").append(range)
                    .append(")) for _ in range(200)])\n");
            List<String> line = new ArrayList<>();
            for (int i = 0; i < 200; i++) line.add(Long.toString(Double.doubleToRawLongBits(r.nextDouble(-range, range))));
            want.add(String.join(" ", line));
        }
        assertEquals(want, py(code.toString()));
    }

    @Test
    void theFirstWeightsAreTheEnginesBitForBit() throws Exception {
        for (long seed : new long[]{42, -5_000_000_000L}) {
            int[] widths = {784, 128, 64, 28, 64, 128, 784};
            Autoencoder m = Autoencoder.glorot(widths, Activation.RELU, Activation.SIGMOID, seed);
            // every float's bits, and a checksum of them all, as the vectorised port computes them
            List<String> got = py("import numpy as np\n"
                    + "for a in s.app_glorot(" + Arrays.toString(widths) + ", " + seed + "):\n"
                    + "    b = a.ravel().view(np.int32).astype(np.int64)\n"
                    + "    print(a.shape, int(b[0]), int(b[-1]), int((b * np.arange(1, b.size + 1)).sum()))\n");
            float[][] p = m.params();
            assertEquals(p.length, got.size());
            for (int k = 0; k < p.length; k++) {
                long sum = 0;
                for (int i = 0; i < p[k].length; i++) sum += (long) Float.floatToRawIntBits(p[k][i]) * (i + 1);
                int[] shape = ParamNames.shape(widths, aelab.engine.ModelKind.PLAIN, k);
                String pyShape = shape.length == 2 ? "(" + shape[0] + ", " + shape[1] + ")" : "(" + shape[0] + ",)";
                assertEquals(pyShape + " " + Float.floatToRawIntBits(p[k][0]) + " "
                        + Float.floatToRawIntBits(p[k][p[k].length - 1]) + " " + sum, got.get(k), "array " + k + ", seed " + seed);
            }
        }
    }

    @Test
    void theEpochOrdersAreTheTrainersShuffle() throws Exception {
        Method shuffle = Trainer.class.getDeclaredMethod("shuffle", int[].class, long.class, int.class);
        shuffle.setAccessible(true);
        long[][] cases = {{42, 1, 60_000}, {42, 2, 60_000}, {-7, 13, 1000}, {Long.MIN_VALUE, 1, 3}};
        StringBuilder code = new StringBuilder();
        List<String> want = new ArrayList<>();
        for (long[] c : cases) {
            code.append("a = s.app_shuffle(").append(c[2]).append(", ").append(c[0]).append(", ").append(c[1]).append(")\n")
                    .append("print(*a[:30], int((a * (1 + __import__('numpy').arange(a.size))).sum()))\n");
            int[] order = new int[(int) c[2]];
            shuffle.invoke(null, order, c[0], (int) c[1]);
            long sum = 0;
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < order.length; i++) {
                sum += (long) order[i] * (i + 1);
                if (i < 30) line.append(order[i]).append(' ');
            }
            want.add(line.append(sum).toString());
        }
        assertEquals(want, py(code.toString()));
    }
}
