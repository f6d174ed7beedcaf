package aelab.io.gif;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws one frame on a {@link FrameLayout} with plain AWT (headless): the header, each row group's
 * label and digits, the caption and a bar showing how far into the run the frame is. Digits are drawn
 * pixel for pixel, each image pixel a {@code scale × scale} block of its grey (nearest neighbour, no
 * smoothing), clamped to [0, 1]. Text is anti-aliased in greys only, so the frame maps onto
 * {@link GifPalette} exactly.
 */
final class FramePainter {
    private static final Color BACKGROUND = GifPalette.greyColor(0.12), EMPTY = GifPalette.greyColor(0.2),
            HEADER_TEXT = GifPalette.greyColor(0.96), LABEL_TEXT = GifPalette.greyColor(0.72),
            CAPTION_TEXT = GifPalette.greyColor(0.9), BAR_BACK = GifPalette.greyColor(0.25),
            BAR_FILL = GifPalette.greyColor(0.62);
    private static final Font HEADER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13),
            TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /**
     * One row group: its label on the left, a note on the right (e.g. its BCE), and its digits.
     *
     * @param pixels (images, rows·cols) values in [0, 1] (clamped when outside), or null: empty tiles
     * @param colour the run's colour for a swatch before the label, or −1 for none
     */
    record Row(String label, String note, float[] pixels, int colour) { }

    private final FrameLayout layout;

    FramePainter(FrameLayout layout) { this.layout = layout; }

    /** The frame in {@link GifPalette}'s colours; progress ∈ [0, 1] fills the bar. */
    BufferedImage paint(String header, List<Row> rows, String caption, double progress) {
        if (rows.size() != layout.groups()) throw new IllegalArgumentException(rows.size() + " rows for " + layout.groups() + " groups");
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            int left = FrameLayout.MARGIN, right = image.getWidth() - FrameLayout.MARGIN;
            text(g, HEADER_FONT, HEADER_TEXT, header, left, FrameLayout.MARGIN, FrameLayout.HEADER, right - left);
            for (int k = 0; k < rows.size(); k++) row(g, image, k, rows.get(k), left, right);
            text(g, TEXT_FONT, CAPTION_TEXT, caption, left, layout.captionTop(), FrameLayout.CAPTION, right - left);
            g.setColor(BAR_BACK);
            g.fillRect(left, layout.barTop(), right - left, FrameLayout.BAR);
            g.setColor(BAR_FILL);
            g.fillRect(left, layout.barTop(), (int) Math.round((right - left) * Math.max(0, Math.min(1, progress))), FrameLayout.BAR);
        } finally {
            g.dispose();
        }
        return GifPalette.indexed(image);
    }

    private void row(Graphics2D g, BufferedImage image, int group, Row r, int left, int right) {
        int top = layout.labelTop(group), x = left;
        if (r.colour() >= 0) {
            g.setColor(GifPalette.run(r.colour()));
            g.fillRect(x, top + 4, 9, 9);
            x += 15;
        }
        FontMetrics m = g.getFontMetrics(TEXT_FONT);
        int noteWidth = r.note().isEmpty() ? 0 : m.stringWidth(r.note()) + 12;
        text(g, TEXT_FONT, LABEL_TEXT, r.label(), x, top, FrameLayout.LABEL, right - x - noteWidth);
        if (noteWidth > 0) text(g, TEXT_FONT, LABEL_TEXT, r.note(), right - noteWidth + 12, top, FrameLayout.LABEL, noteWidth);
        for (int i = 0; i < layout.images(); i++) digit(g, image, layout.tile(group, i), r.pixels(), i);
    }

    private void digit(Graphics2D g, BufferedImage image, Point at, float[] pixels, int i) {
        int s = layout.scale(), w = layout.tileWidth(), h = layout.tileHeight();
        if (pixels == null) {
            g.setColor(EMPTY);
            g.fillRect(at.x, at.y, w, h);
            return;
        }
        int d = layout.imageRows() * layout.imageCols();
        int[] block = new int[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int grey = GifPalette.MODEL.getRed(GifPalette.grey(pixels[i * d + (y / s) * layout.imageCols() + x / s]));
                block[y * w + x] = grey << 16 | grey << 8 | grey;
            }
        image.setRGB(at.x, at.y, w, h, block, 0, w);
    }

    /** One line of text, vertically centred in its band and cut with "…" when wider than it may be. */
    private static void text(Graphics2D g, Font font, Color colour, String s, int x, int top, int height, int maxWidth) {
        g.setFont(font);
        g.setColor(colour);
        FontMetrics m = g.getFontMetrics();
        String shown = s;
        if (m.stringWidth(shown) > maxWidth) {
            while (!shown.isEmpty() && m.stringWidth(shown + "…") > maxWidth) shown = shown.substring(0, shown.length() - 1);
            shown += "…";
        }
        g.drawString(shown, x, top + (height + m.getAscent() - m.getDescent()) / 2);
    }
}
