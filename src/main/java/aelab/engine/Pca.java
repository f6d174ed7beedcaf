package aelab.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis to two dimensions. For n points x_i in R^k (rows of a float array):
 *   μ = mean x_i,  C = (1/n) Σ (x_i − μ)(x_i − μ)ᵀ   (k×k, symmetric)
 * The two eigenvectors of C with the largest eigenvalues, v1 and v2, give the projection
 * (x − μ)·v1, (x − μ)·v2; the eigenvalues are the variances along them. Each eigenvector's sign is
 * fixed so that its largest component is positive, so the picture does not flip between epochs.
 */
public final class Pca {
    private Pca() { }

    /** 2-D coordinates (n, 2) and the share of the total variance each axis explains. */
    public record Projection(float[] points, double[] explained) { }

    public static Projection project(float[] x, int n, int k) {
        double[] mean = new double[k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) mean[j] += x[i * k + j];
        for (int j = 0; j < k; j++) mean[j] /= n;
        DMatrixRMaj c = new DMatrixRMaj(k, k);
        double[] row = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) row[j] = x[i * k + j] - mean[j];
            for (int a = 0; a < k; a++) for (int b = a; b < k; b++) c.data[a * k + b] += row[a] * row[b];
        }
        for (int a = 0; a < k; a++) for (int b = a; b < k; b++) {
            c.data[a * k + b] /= n;
            c.data[b * k + a] = c.data[a * k + b];
        }
        double total = 0;
        for (int a = 0; a < k; a++) total += c.data[a * k + a];
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(c)) throw new IllegalStateException("eigen-decomposition failed");
        int first = -1, second = -1;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            double v = eig.getEigenvalue(i).real;
            if (first < 0 || v > eig.getEigenvalue(first).real) {
                second = first;
                first = i;
            } else if (second < 0 || v > eig.getEigenvalue(second).real) {
                second = i;
            }
        }
        double[][] axes = {axis(eig.getEigenVector(first), k), second < 0 ? new double[k] : axis(eig.getEigenVector(second), k)};
        float[] points = new float[n * 2];
        for (int i = 0; i < n; i++)
            for (int d = 0; d < 2; d++) {
                double s = 0;
                for (int j = 0; j < k; j++) s += (x[i * k + j] - mean[j]) * axes[d][j];
                points[i * 2 + d] = (float) s;
            }
        double e1 = eig.getEigenvalue(first).real, e2 = second < 0 ? 0 : eig.getEigenvalue(second).real;
        return new Projection(points, new double[]{total > 0 ? e1 / total : 0, total > 0 ? e2 / total : 0});
    }

    private static double[] axis(DMatrixRMaj v, int k) {
        double[] a = new double[k];
        double norm = 0;
        int big = 0;
        for (int j = 0; j < k; j++) {
            a[j] = v == null ? 0 : v.get(j, 0);
            norm += a[j] * a[j];
            if (Math.abs(a[j]) > Math.abs(a[big])) big = j;
        }
        double s = (a[big] < 0 ? -1 : 1) / Math.sqrt(norm > 0 ? norm : 1);
        for (int j = 0; j < k; j++) a[j] *= s;
        return a;
    }
}
