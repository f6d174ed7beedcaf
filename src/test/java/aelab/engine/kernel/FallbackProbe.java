package aelab.engine.kernel;

/** Run in a child JVM by {@link MatMulsTest}: prints which kernel {@link MatMuls#best()} picked. */
public final class FallbackProbe {
    private FallbackProbe() {
    }

    public static void main(String[] args) {
        MatMul kernel = MatMuls.best();
        float[] c = new float[1];
        kernel.mul(new float[]{2}, new float[]{3}, c, 1, 1, 1, false); // 2·3 = 6
        System.out.println("kernel=" + kernel.getClass().getSimpleName() + " product=" + c[0]);
    }
}
