package aelab.engine.kernel;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;

/**
 * Picks the matrix kernel for this JVM. Each call returns a new instance, because kernels keep
 * per-instance scratch buffers: one per training thread.
 *
 * <p>{@link VectorMatMul} is only ever named as a string here and created reflectively, so when
 * {@code jdk.incubator.vector} is missing from the boot layer no class that links against it is
 * loaded, and the EJML reference takes over.
 */
public final class MatMuls {
    private static final System.Logger LOG = System.getLogger(MatMuls.class.getName());
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String FAST_CLASS = "aelab.engine.kernel.VectorMatMul";

    private MatMuls() {
    }

    /** The fastest kernel that works here: the Vector API kernel if its module is present, else EJML. */
    public static MatMul best() {
        return Choice.MAKE.get();
    }

    /** The plain EJML kernel: the fallback, and the oracle for tests and benchmarks. */
    public static MatMul reference() {
        return new ReferenceMatMul();
    }

    /**
     * Which kernel this JVM makes, decided once, when it is first asked for: a JVM's modules and CPU do
     * not change while it runs. The one line saying why the fast kernel is not used is logged then.
     * A constant, not a flag: nothing here changes after the class is initialised.
     */
    private static final class Choice {
        static final Supplier<MatMul> MAKE = decide();

        private static Supplier<MatMul> decide() {
            if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
                return fallback("fast kernel unavailable (" + VECTOR_MODULE + " not present); using EJML reference");
            }
            try {
                Constructor<?> fast = Class.forName(FAST_CLASS).getDeclaredConstructor();
                MatMul probe = (MatMul) fast.newInstance();
                if (!agreesWithReference(probe)) {
                    return fallback("fast kernel disagrees with the reference on a self-check; using EJML reference");
                }
                LOG.log(System.Logger.Level.DEBUG, "matrix kernel: " + probe.name());
                return () -> {
                    try {
                        return (MatMul) fast.newInstance();
                    } catch (ReflectiveOperationException e) {   // it worked once: only a broken JVM gets here
                        throw new IllegalStateException("cannot create " + FAST_CLASS, e);
                    }
                };
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                return fallback("fast kernel unavailable (" + cause + "); using EJML reference");
            }
        }

        private static Supplier<MatMul> fallback(String why) {
            LOG.log(System.Logger.Level.WARNING, why);
            return MatMuls::reference;
        }
    }

    /**
     * A 7×9·9×83 product: with 16 lanes, 83 = 64 + 16 + 3 columns give a full tile, a strip and a
     * clipped strip, and 7 = 5 + 2 rows a leftover row panel. Entries are small integers, so every
     * sum is exact in float and the check can demand equality.
     */
    private static boolean agreesWithReference(MatMul fast) {
        int m = 7, k = 9, n = 83;
        float[] a = new float[m * k], b = new float[k * n], c1 = new float[m * n], c2 = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (i * 7 % 11) - 5;
        for (int i = 0; i < b.length; i++) b[i] = (i * 5 % 13) - 6;
        fast.mul(a, b, c1, m, k, n, false);
        reference().mul(a, b, c2, m, k, n, false);
        return java.util.Arrays.equals(c1, c2);
    }
}
