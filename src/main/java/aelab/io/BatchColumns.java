package aelab.io;

import aelab.engine.BatchPoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-batch history as seven little-endian columns of n values each, one column after another:
 *   epoch int64 | batch int64 | step int64 | loss float64 | bce float64 | mse float64 | nanos int64
 * 56 bytes a point: a 50-epoch run of 600 batches an epoch is 1.7 MB before compression, where JSON
 * would be several times that and slow to parse. Columns rather than rows compress better (steps and
 * epochs are runs of near-equal numbers) and let a reader take one series without the others.
 */
final class BatchColumns {
    static final List<String> COLUMNS = List.of("epoch:int64", "batch:int64", "step:int64", "loss:float64",
            "bce:float64", "mse:float64", "nanos:int64");
    static final int BYTES_PER_POINT = 8 * 7;

    private BatchColumns() { }

    static byte[] write(List<BatchPoint> points) {
        int n = points.size();
        ByteBuffer b = ByteBuffer.allocate(n * BYTES_PER_POINT).order(ByteOrder.LITTLE_ENDIAN);
        for (BatchPoint p : points) b.putLong(p.epoch());
        for (BatchPoint p : points) b.putLong(p.batch());
        for (BatchPoint p : points) b.putLong(p.step());
        for (BatchPoint p : points) b.putDouble(p.loss());
        for (BatchPoint p : points) b.putDouble(p.bce());
        for (BatchPoint p : points) b.putDouble(p.mse());
        for (BatchPoint p : points) b.putLong(p.nanos());
        return b.array();
    }

    /** Reads n points; the caller has checked the length is n · 56. Epoch and batch must fit an int. */
    static List<BatchPoint> read(byte[] bytes, int n) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<BatchPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long epoch = b.getLong(i * 8), batch = b.getLong((n + i) * 8);
            if (epoch != (int) epoch || batch != (int) batch)
                throw new IllegalArgumentException("batch point " + i + ": epoch " + epoch + " or batch " + batch + " is out of range");
            out.add(new BatchPoint((int) epoch, (int) batch, b.getLong((2 * n + i) * 8), b.getDouble((3 * n + i) * 8),
                    b.getDouble((4 * n + i) * 8), b.getDouble((5 * n + i) * 8), b.getLong((6 * n + i) * 8)));
        }
        return out;
    }
}
