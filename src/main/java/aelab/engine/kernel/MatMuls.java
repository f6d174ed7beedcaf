package aelab.engine.kernel;
/** TEMPORARY naive kernel until the kernel branch merges. */
public final class MatMuls {
    public static MatMul best() { return new MatMul() {
        public void mul(float[] a, float[] b, float[] c, int m, int k, int n, boolean acc) {
            for (int i = 0; i < m; i++) { if (!acc) java.util.Arrays.fill(c, i*n, i*n+n, 0f);
                for (int p = 0; p < k; p++) { float av = a[i*k+p]; for (int j = 0; j < n; j++) c[i*n+j] += av*b[p*n+j]; } } }
        public void mulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean acc) {
            if (!acc) java.util.Arrays.fill(c, 0, m*n, 0f);
            for (int p = 0; p < k; p++) for (int i = 0; i < m; i++) { float av = a[p*m+i]; for (int j = 0; j < n; j++) c[i*n+j] += av*b[p*n+j]; } }
        public void mulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean acc) {
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) { float s = acc ? c[i*n+j] : 0f; for (int p = 0; p < k; p++) s += a[i*k+p]*b[j*k+p]; c[i*n+j] = s; } }
        public String name() { return "naive"; } }; }
}
