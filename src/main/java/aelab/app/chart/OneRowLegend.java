package aelab.app.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;

/**
 * A legend kept to one row, so that the plot keeps its size however many runs accumulate: the newest
 * runs that fit the chart's width, and before them how many earlier ones are left out (the Results tab
 * lists every run in its colour).
 */
final class OneRowLegend {
    /** Pixels a legend item takes besides its text: its line, and the gaps. */
    private static final double ITEM_EXTRA = 34;
    private static final Graphics2D METRICS = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

    private OneRowLegend() { }

    /** The items, oldest first, cut to what fits width pixels in the font, with a count of the rest first. */
    static LegendItemCollection of(LegendItemCollection all, double width, Font font) {
        LegendItemCollection out = new LegendItemCollection();
        FontMetrics fm = METRICS.getFontMetrics(font);
        double room = width * 0.9 - 20, used = 0;   // a margin for the chart's own font measure
        int first = all.getItemCount();
        while (first > 0) {
            double w = fm.stringWidth(all.get(first - 1).getLabel()) + ITEM_EXTRA;
            double more = first - 1 > 0 ? fm.stringWidth(earlier(first - 1)) + ITEM_EXTRA : 0;
            if (used + w + more > room && first < all.getItemCount()) break;   // the newest always shows
            used += w;
            first--;
        }
        if (first > 0) {
            LegendItem rest = new LegendItem(earlier(first), null, null, null, new Rectangle2D.Double(0, 0, 0, 0),
                    new Color(0, 0, 0, 0));
            rest.setLabelFont(font);
            rest.setLabelPaint(new Color(90, 90, 90));
            out.add(rest);
        }
        for (int i = first; i < all.getItemCount(); i++) out.add(all.get(i));
        return out;
    }

    static String earlier(int n) { return "+ " + n + " earlier run" + (n == 1 ? "" : "s"); }
}
