package aelab.app.files;

import aelab.app.view.DigitCanvas;
import aelab.app.model.Contrast;
import aelab.data.DigitGrid;
import aelab.app.model.DigitLayout;
import aelab.app.model.DigitRows;
import aelab.data.ImageSet;
import aelab.engine.Preview;
import aelab.io.AtomicFiles;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** Pictures of what the window shows, written atomically as PNG files. FX thread (the charts and digits live there). */
final class Exports {
    /** Each chart's size in an exported picture: larger than on screen, so it stays sharp in a document. */
    static final int CHART_WIDTH = 1000, CHART_HEIGHT = 650;
    /** Digits are drawn 4 times their size (112 pixels for 28), with a margin around the grid and a caption above. */
    static final int DIGIT_SCALE = 4, MARGIN = 10, CAPTION = 28;

    private Exports() { }

    /** The charts side by side, each {@value #CHART_WIDTH} × {@value #CHART_HEIGHT}, drawn by JFreeChart itself. */
    static void chartsPng(Path file, List<JFreeChart> charts) throws IOException {
        BufferedImage image = new BufferedImage(CHART_WIDTH * charts.size(), CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++)
                charts.get(i).draw(g, new Rectangle2D.Double(i * CHART_WIDTH, 0, CHART_WIDTH, CHART_HEIGHT));
        } finally {
            g.dispose();
        }
        png(file, image);
    }

    /**
     * The digit grid (originals, reconstructions, error maps) as the panel draws it, at a fixed scale,
     * under a one-line caption saying whose reconstructions they are.
     */
    static void reconstructionsPng(Path file, ImageSet test, DigitGrid grid, Preview preview, Contrast contrast,
                                   String caption) throws IOException {
        DigitRows rows = DigitRows.of(1, true, grid.bands());
        DigitLayout l = new DigitLayout(grid.columns(), rows.bands(), rows.size(), test.rows(), DIGIT_SCALE,
                DigitLayout.LABELS, 0, 0);
        int w = (int) Math.ceil(l.width()) + 2 * MARGIN, h = (int) Math.ceil(l.height()) + 2 * MARGIN;
        DigitCanvas canvas = new DigitCanvas();
        canvas.setContrast(contrast);
        canvas.setDigits(test, grid);
        canvas.setSources(java.util.List.of(new DigitCanvas.Source(preview, "", java.util.List.of(),
                javafx.scene.paint.Color.BLACK)));
        canvas.resize(w, h);
        canvas.layoutChildren();   // not in a scene: size its canvas and draw now
        BufferedImage digits = SwingFXUtils.fromFXImage(canvas.snapshot(null, new WritableImage(w, h)), null);
        BufferedImage image = new BufferedImage(w, CAPTION + h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, CAPTION);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(50, 50, 50));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(caption, MARGIN, CAPTION - 6);
            g.drawImage(digits, 0, CAPTION, null);
        } finally {
            g.dispose();
        }
        png(file, image);
    }

    private static void png(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java");
        });
    }
}
