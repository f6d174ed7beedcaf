package aelab.app.view;

import aelab.app.model.BceCurves;
import aelab.app.model.Format;
import aelab.app.model.Topic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Accordion;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Explain BCE: BCE(p; y) and (p − y)² for one pixel against the prediction p, for a target y set on a
 * slider, with BCE's minimum H(y) at p = y marked; beside it, short texts on why BCE stays above 0 on
 * grey pixels and on what the diagnostics mean. The maths is {@link BceCurves}'.
 */
public final class ExplainerView extends BorderPane {
    private static final int SAMPLES = 400;
    private static final double TOP = 3;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final Slider target = new Slider(0, 1.5, 0.3);
    private final Label readout = new Label();
    private final Accordion topics = new Accordion();
    private final Map<Topic, TitledPane> panes = new EnumMap<>(Topic.class);
    private final Map<Topic, Label> texts = new EnumMap<>(Topic.class);
    private final XYSeries bce = new XYSeries("BCE(p; y)", false, false);
    private final XYSeries squared = new XYSeries("(p − y)²", false, false);
    private final XYSeries minimum = new XYSeries("BCE's minimum H(y), at p = y", false, false);
    private final ValueMarker atY = new ValueMarker(0.3, new Color(120, 120, 120), new BasicStroke(1f,
            BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    private final ValueMarker entropy = new ValueMarker(0, new Color(0, 114, 178, 140), new BasicStroke(1f,
            BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
    private final XYTextAnnotation noMinimum = new XYTextAnnotation("", 0.5, 2.6);
    private XYPlot plot;

    public ExplainerView() {
        setId("explainer");
        createView();
        initListeners();
        update();
    }

    private void createView() {
        Label title = new Label("Explain BCE: the loss of one pixel against the network's prediction p");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        target.setId("target-y");
        target.setShowTickLabels(true);
        target.setShowTickMarks(true);
        target.setMajorTickUnit(0.25);
        target.setMinorTickCount(4);
        target.setBlockIncrement(0.01);
        target.setPrefWidth(420);
        target.setTooltip(new Tooltip("The pixel's target y: 0 is black, 1 is white, between them grey; "
                + "past 1 are targets BCE is not made for (raw 0–255 pixels)"));
        FlowPane presets = new FlowPane(4, 4);
        double[] ys = {0, 0.3, 0.5, 1, 1.5};
        String[] names = {"black 0", "grey 0.3", "mid-grey 0.5", "white 1", "past 1"};
        for (int i = 0; i < ys.length; i++) {
            double y = ys[i];
            Button b = new Button(names[i]);
            b.setId("target-" + names[i].replaceAll("[^a-z0-9]+", ""));
            b.setTooltip(new Tooltip("Set the target y to " + Format.plain(y)));
            b.setOnAction(e -> target.setValue(y));
            b.setMinWidth(Region.USE_PREF_SIZE);
            presets.getChildren().add(b);
        }
        Label y = new Label("target y");
        y.setMinWidth(Region.USE_PREF_SIZE);
        target.setMinWidth(200);
        HBox slider = new HBox(10, y, target);
        slider.setAlignment(Pos.CENTER_LEFT);
        // a narrow window puts the preset buttons on the next line, never shortens them to "bl…"
        FlowPane controls = new FlowPane(12, 6, slider, presets);
        controls.setAlignment(Pos.CENTER_LEFT);
        readout.setId("explainer-readout");
        readout.setWrapText(true);
        readout.setMinHeight(Region.USE_PREF_SIZE);
        readout.setStyle("-fx-font-size: 13px;");
        VBox top = new VBox(6, title, controls, readout);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        setCenter(new ChartViewer(createChart()));

        for (Topic t : Topic.values()) {
            Label text = new Label(t.text());
            text.setWrapText(true);
            text.setMaxWidth(400);
            text.setId("topic-text-" + t.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            texts.put(t, text);
            TitledPane pane = new TitledPane(t.title(), text);
            pane.setId("topic-" + t.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            panes.put(t, pane);
            topics.getPanes().add(pane);
        }
        topics.setExpandedPane(panes.get(Topic.GREY_PIXELS));
        ScrollPane side = new ScrollPane(topics);
        side.setFitToWidth(true);
        side.setPrefViewportWidth(360);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 10));
        setRight(side);
    }

    private JFreeChart createChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(bce);
        data.addSeries(squared);
        data.addSeries(minimum);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesPaint(0, new Color(0, 114, 178));
        r.setSeriesPaint(1, new Color(213, 94, 0));
        r.setSeriesPaint(2, new Color(0, 114, 178));
        r.setSeriesStroke(0, new BasicStroke(2.6f));
        r.setSeriesStroke(1, new BasicStroke(2.2f));
        r.setSeriesShapesVisible(0, false);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShape(2, new Ellipse2D.Double(-6, -6, 12, 12));
        NumberAxis x = new NumberAxis("prediction p");
        x.setRange(-0.02, 1.02);   // room for the minimum's dot at p = 0 or 1
        NumberAxis loss = new NumberAxis("loss for this pixel");
        loss.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.25));
        plot = new XYPlot(data, x, loss, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        plot.addRangeMarker(new ValueMarker(0, new Color(60, 60, 60), new BasicStroke(1f)));
        for (ValueMarker m : new ValueMarker[] {atY, entropy}) {
            m.setLabelFont(SMALL);
            m.setLabelPaint(new Color(70, 70, 70));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        }
        atY.setLabelAnchor(RectangleAnchor.TOP);
        atY.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        entropy.setLabelAnchor(RectangleAnchor.RIGHT);
        entropy.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        noMinimum.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        noMinimum.setPaint(new Color(170, 40, 40));
        plot.addAnnotation(noMinimum);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(SMALL);
        return chart;
    }

    private void initListeners() {
        target.valueProperty().addListener(o -> update());
    }

    /** Redraws the curves and markers for the slider's y. */
    private void update() {
        double y = Math.round(target.getValue() * 100) / 100.0;
        BceCurves.Sampled s = BceCurves.sample(y, SAMPLES);
        double low = 0;
        bce.clear();
        squared.clear();
        minimum.clear();
        for (int i = 0; i < SAMPLES; i++) {
            double p = s.p()[i];
            bce.add(p, Math.min(s.bce()[i], TOP + 1), false);
            squared.add(p, s.squared()[i], false);
            low = Math.min(low, s.bce()[i]);
        }
        boolean has = BceCurves.hasMinimum(y);
        double h = BceCurves.minimum(y);
        if (has) minimum.add(y, h, false);
        bce.fireSeriesChanged();
        squared.fireSeriesChanged();
        minimum.fireSeriesChanged();
        plot.getRangeAxis().setRange(low < 0 ? low - 0.25 : 0, TOP);
        atY.setValue(Math.min(y, 1));
        atY.setLabel(has ? "p = y = " + fmt(y) : "");
        plot.removeDomainMarker(atY);
        plot.removeRangeMarker(entropy);
        if (has) {
            plot.addDomainMarker(atY);
            entropy.setValue(h);
            entropy.setLabel("H(" + fmt(y) + ") = " + fmt3(h));
            plot.addRangeMarker(entropy);
        }
        noMinimum.setText(has ? "" : "y outside [0,1]: no minimum, BCE falls without bound as p → 1");
        noMinimum.setX(0.4);
        noMinimum.setY(low < 0 ? (low - 0.25) * 0.7 : 2.6);   // below zero on the left, away from the curve
        readout.setText(readout(y, h, has));
    }

    static String readout(double y, double h, boolean has) {
        if (!has) return "y = " + fmt(y) + " is outside [0,1]: BCE has no lowest point; it goes below 0 and keeps "
                + "falling as p → 1. (p − y)² is smallest at p = 1, where it is " + fmt3((1 - y) * (1 - y)) + ".";
        String floor = h == 0 ? "H(y) = 0: for a black or white pixel BCE can reach 0"
                : "H(y) = " + fmt3(h) + " > 0: even a perfect copy of this grey pixel keeps BCE at " + fmt3(h);
        return "y = " + fmt(y) + ". Both losses are lowest at p = y. There (p − y)² is 0, but BCE is the entropy "
                + floor + ".";
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    private static String fmt3(double v) { return String.format(Locale.ROOT, "%.3f", v); }

    /** Opens a topic's text and, where it has one, sets its telling target on the slider. */
    public void show(Topic t) {
        topics.setExpandedPane(panes.get(t));
        if (!Double.isNaN(t.y())) target.setValue(t.y());
    }

    /**
     * The floor the texts name: the mean entropy of the test images loaded now (as the BCE chart draws it),
     * e.g. "the 10000 test images of MNIST (bundled)"; NaN when none are loaded.
     */
    public void setFloor(double floor, String images) {
        for (Map.Entry<Topic, Label> e : texts.entrySet()) e.getValue().setText(e.getKey().text(floor, images));
    }

    /** The text shown under a topic's title, for tests. */
    public String textOf(Topic t) { return texts.get(t).getText(); }

    public Slider target() { return target; }

    /** The marked minimum {p, BCE} as drawn, or null when there is none; for tests. */
    double[] markedMinimum() {
        return minimum.getItemCount() == 0 ? null
                : new double[] {minimum.getX(0).doubleValue(), minimum.getY(0).doubleValue()};
    }

    String readoutText() { return readout.getText(); }

    public Topic expanded() {
        for (Map.Entry<Topic, TitledPane> e : panes.entrySet()) if (e.getValue() == topics.getExpandedPane()) return e.getKey();
        return null;
    }
}
