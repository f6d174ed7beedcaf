package aelab.app.view;

import aelab.app.chart.LatentChart;
import aelab.app.chart.Palette;
import aelab.app.model.Contrast;
import aelab.data.DigitGrid;
import aelab.app.model.Format;
import aelab.app.model.Run;
import aelab.app.model.RunHistory;
import aelab.data.ClassNames;
import aelab.data.ImageSet;
import aelab.engine.EpochInsights;
import aelab.engine.timeline.LatentFrame;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the bottleneck learned, for one of the newest runs: its codes of ~2,000 test digits projected
 * to 2-D (PCA), one colour per class, and the test digits it reconstructs best and worst, with their
 * errors. Both follow the run's latest epoch.
 */
public final class LatentView extends BorderPane {
    private final ComboBox<Run> run = new ComboBox<>();
    private final Label title = new Label("Latent space");
    private final LatentChart chart = new LatentChart();
    private final DigitCanvas extremes = new DigitCanvas();
    private final Label figures = new Label();
    private final Label hover = new Label();
    private final Slider epoch = new Slider(1, 1, 1);
    private final Label epochLabel = new Label("after epoch");
    private boolean followLatest = true, updating;
    private ImageSet test;
    private ClassNames classes = ClassNames.UNKNOWN;
    private EpochInsights shown;
    private List<Run> newest = List.of();

    public LatentView() {
        setId("latent");
        createView();
        initListeners();
    }

    private void createView() {
        title.getStyleClass().add("section-title");
        run.setId("latent-run");
        run.setTooltip(new Tooltip("Whose bottleneck to show: the newest run, or one of the runs side by side"));
        run.setPromptText("no run yet");
        run.setCellFactory(v -> runCell());
        run.setButtonCell(runCell());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        epoch.setId("latent-epoch");
        epoch.setMajorTickUnit(1);
        epoch.setMinorTickCount(0);
        epoch.setSnapToTicks(true);
        epoch.setBlockIncrement(1);
        epoch.setPrefWidth(160);
        epoch.setTooltip(new Tooltip("The codes after an earlier epoch: watch the classes' clouds form and move apart. "
                + "At the right end it follows the latest epoch"));
        epochLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label runLabel = new Label("run");
        runLabel.setMinWidth(Region.USE_PREF_SIZE);
        run.setMinWidth(Region.USE_PREF_SIZE);
        epoch.setMinWidth(100);
        // a narrow window wraps the title, never shortens it or pushes the run picker out of sight
        title.setWrapText(true);
        title.setMinWidth(0);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, epochLabel, epoch, runLabel, run);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 6, 0));
        setTop(header);

        Label chartHint = hint("Each dot is one test digit's 28-number bottleneck code, flattened to the two directions "
                + "in which the codes vary most. Digits the network tells apart form separate clouds.");
        VBox left = new VBox(4, chartHint, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);

        Label extremesTitle = new Label("Best and worst reconstructed test digits");
        extremesTitle.getStyleClass().add("section-title");
        extremes.setBandNames("best", "worst");
        figures.setId("latent-figures");
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        hover.getStyleClass().add("hint");
        hover.setWrapText(true);
        hover.setMinHeight(Region.USE_PREF_SIZE);
        hover.setText("Hover over a digit for its errors.");
        VBox right = new VBox(4, extremesTitle, hint("By mean squared error per pixel over the test digits, after the "
                + "run's latest epoch. Error maps: dark is close, bright is far off."), extremes, figures, hover);
        right.setPrefWidth(600);
        right.setMinWidth(580);   // eight digits at twice their size beside the row names
        left.setMinWidth(300);
        left.setPrefWidth(500);
        VBox.setVgrow(extremes, Priority.ALWAYS);
        chart.setMinHeight(200);
        // side by side when both fit, the digits at twice their size; else the digits below the scatter
        setCenter(new SideOrBelow(left, right, 16, 360));
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private ListCell<Run> runCell() {
        return new ListCell<>() {
            @Override protected void updateItem(Run r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : "#" + r.id() + " " + r.config().label());
                setGraphic(empty || r == null ? null : new javafx.scene.shape.Rectangle(10, 10, Palette.fx(r.colour())));
            }
        };
    }

    private void initListeners() {
        run.valueProperty().addListener(o -> {
            followLatest = true;
            showChosen();
        });
        epoch.valueProperty().addListener((o, was, is) -> {
            if (updating) return;
            followLatest = is.intValue() >= (int) epoch.getMax();
            showChosen();
        });
        extremes.setOnMouseMoved(e -> describe(extremes.slotAt(e.getX(), e.getY())));
        extremes.setOnMouseExited(e -> describe(null));
    }

    public void setContrast(Contrast c) { extremes.setContrast(c); }

    /** FX thread, once per frame: follows the newest runs and the chosen run's latest insights. */
    public void refresh(ImageSet testImages, RunHistory history) {
        if (testImages != test) {
            classes = testImages == null ? ClassNames.UNKNOWN : ClassNames.of(testImages);
            chart.setClassNames(classes);
        }
        test = testImages;
        if (!history.newest().equals(newest)) {
            newest = history.newest();
            run.getItems().setAll(newest);
            run.setValue(newest.isEmpty() ? null : newest.get(newest.size() - 1));
        }
        showChosen();
    }

    /**
     * The chosen run's codes after the chosen epoch, from its timeline (every epoch's are kept); the best
     * and worst digits are always the latest epoch's. A run without a timeline (an older file) shows its latest.
     */
    private void showChosen() {
        Run r = run.getValue();
        List<LatentFrame> frames = r == null ? List.of() : r.timeline().latents();
        updating = true;
        try {
            epoch.setMax(Math.max(1, frames.size()));
            epoch.setMin(1);
            if (followLatest) epoch.setValue(epoch.getMax());
            epoch.setDisable(frames.size() < 2);
            epochLabel.setDisable(frames.size() < 2);
        } finally {
            updating = false;
        }
        int at = (int) Math.round(epoch.getValue()) - 1;
        LatentFrame frame = followLatest || at < 0 || at >= frames.size() ? null : frames.get(at);
        if (frame != null) {
            chart.show(frame, r.timeline().codeLabels());
            title.setText(String.format(Locale.ROOT, "Latent space of run #%d after epoch %d: bottleneck codes of %,d test "
                    + "digits, projected by PCA", r.id(), frame.epoch(), frame.count()));
        }
        show(r == null ? null : r.insights(), frame == null);
    }

    private void show(EpochInsights in, boolean scatter) {
        if (scatter) {
            chart.show(in);
            Run r = run.getValue();
            title.setText(in == null ? "Latent space" : String.format(Locale.ROOT,
                    "Latent space of run #%d after epoch %d: bottleneck codes of %,d test digits, projected by PCA",
                    r.id(), in.epoch(), in.codeCount()));
        }
        if (in == shown) return;
        shown = in;
        Run r = run.getValue();
        if (in == null || in.extremes() == null || test == null) {
            extremes.setDigits(null, null);
            figures.setText("");
            return;
        }
        int k = in.best().length;
        int[] cells = new int[2 * k];
        System.arraycopy(in.best(), 0, cells, 0, k);
        System.arraycopy(in.worst(), 0, cells, k, k);
        extremes.setDigits(test, new DigitGrid(k, 2, cells));
        extremes.setSources(List.of(new DigitCanvas.Source(in.extremes(), "", List.of(), Palette.fx(r.colour()))));
        figures.setText("Best: MSE " + Format.loss(in.bestMse()[0]) + " to " + Format.loss(in.bestMse()[k - 1])
                + "   ·   Worst: MSE " + Format.loss(in.worstMse()[k - 1]) + " to " + Format.loss(in.worstMse()[0])
                + "\n" + deadUnits(in.deadUnits()));
    }

    private static String deadUnits(double[] share) {
        StringBuilder s = new StringBuilder("Dead ReLU units (never fired on a test digit), per hidden layer: ");
        for (int l = 0; l < share.length; l++) s.append(l == 0 ? "" : " · ").append(String.format(Locale.ROOT, "%.0f %%", 100 * share[l]));
        return s.toString();
    }

    private void describe(int[] cell) {
        if (cell == null || shown == null || test == null) return;
        boolean best = cell[0] == 0;
        int i = cell[1], image = best ? shown.best()[i] : shown.worst()[i];
        double mse = best ? shown.bestMse()[i] : shown.worstMse()[i], bce = best ? shown.bestBce()[i] : shown.worstBce()[i];
        hover.setText(String.format(Locale.ROOT, "%s %d: %s (test image %d) · MSE %s · BCE %s",
                best ? "Best" : "Worst", i + 1, classes.name(test.label(image)), image, Format.loss(mse), Format.loss(bce)));
    }

    /** Dots on the scatter, for tests. */
    public int pointCount() { return chart.pointCount(); }
}
