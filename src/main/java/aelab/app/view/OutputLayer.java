package aelab.app.view;

import java.nio.IntBuffer;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * One band's rows after its originals, as a new preview shows them until the digit panel is drawn whole
 * again: a copy of that part of the panel's frame of device pixels, laid over it one device pixel to one
 * screen pixel (so nothing is resampled, and smoothing has nothing to do).
 *
 * Why a layer of its own, and why this one. JavaFX repaints a changed node's bounds, starting from the
 * deepest opaque node that covers them: here this region (white, opaque), so a new preview costs the
 * renderer one copy of these rows, not the panel's background, its whole canvas and a canvas layer above
 * it composited over each other (three times the work, measured with the pulse logger: decision 0011).
 * The images hold their pixels in the renderer's own format (premultiplied ARGB ints: the frame's pixels
 * are opaque, so they are that already), so showing a preview is a copy of its lines, with no conversion.
 * The two images take turns, so a preview is never written into the one the renderer may still be reading.
 */
final class OutputLayer extends Region {
    private final ImageView view = new ImageView();
    @SuppressWarnings("unchecked")
    private final PixelBuffer<IntBuffer>[] buffers = new PixelBuffer[2];
    private final WritableImage[] images = new WritableImage[2];
    private int next;
    private int x, y, w, h;   // the frame's region shown, in device pixels

    OutputLayer() {
        setManaged(false);
        setVisible(false);
        setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
        view.setSmooth(false);
        view.setManaged(false);
        getChildren().add(view);
    }

    /**
     * Over the frame's device pixels [x, x + w) × [y, y + h), at scale device pixels per window unit; hidden
     * until the next {@link #show}: the panel below shows the same pixels until then.
     */
    void place(int x, int y, int w, int h, double scale) {
        this.x = x;
        this.y = y;
        this.w = Math.max(0, w);
        this.h = Math.max(0, h);
        setVisible(false);
        if (this.w == 0 || this.h == 0) return;
        relocate(x / scale, y / scale);
        resize(this.w / scale, this.h / scale);
        view.setFitWidth(this.w / scale);
        view.setFitHeight(this.h / scale);
        if (images[0] == null || (int) images[0].getWidth() != this.w || (int) images[0].getHeight() != this.h)
            for (int i = 0; i < 2; i++) {
                buffers[i] = new PixelBuffer<>(this.w, this.h, IntBuffer.allocate(this.w * this.h),
                        PixelFormat.getIntArgbPreInstance());
                images[i] = new WritableImage(buffers[i]);
            }
    }

    /** Shows the frame's pixels under the layer; the frame is ARGB, fw pixels a line. */
    void show(int[] frame, int fw) {
        if (w == 0 || h == 0) return;
        PixelBuffer<IntBuffer> b = buffers[next];
        IntBuffer pixels = b.getBuffer();
        for (int line = 0; line < h; line++) pixels.put(line * w, frame, (y + line) * fw + x, w);
        b.updateBuffer(unused -> null);   // all of it changed
        view.setImage(images[next]);
        next ^= 1;
        setVisible(true);
    }
}
