package aelab.app;

import aelab.app.chart.LossChart;
import aelab.app.files.TrainingPictures;
import aelab.app.session.LabSession;
import aelab.app.view.ControlsView;
import aelab.app.view.ExplainerView;
import aelab.app.view.LatentView;
import aelab.app.view.ReconstructionView;
import aelab.app.view.ResultsView;
import aelab.app.view.StatusView;
import aelab.app.model.Baseline;
import aelab.app.model.Contrast;
import aelab.app.model.RunStatus;
import aelab.app.model.Topic;
import aelab.engine.CoreLoan;
import aelab.engine.Preview;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;

/**
 * The whole window: settings on the left; in the middle, tabs: Training (the two loss charts above the
 * digits and the status), Results (a table of every run), Latent space, Explain BCE. One frame pump drains the
 * session and refreshes the tab in view, five times a second; while a run trains, the Training tab within a
 * budget of the FX thread's time, about once a second (see {@link DrawBudget}).
 */
public final class MainView extends BorderPane implements TrainingPictures {
    private final LabSession session;
    private final ControlsView controls;
    private final LossChart bce = new LossChart(LossChart.Metric.BCE);
    private final LossChart mse = new LossChart(LossChart.Metric.MSE);
    private final ReconstructionView reconstructions = new ReconstructionView();
    private final StatusView status = new StatusView();
    private final ResultsView results = new ResultsView();
    private final ExplainerView explainer = new ExplainerView();
    private final LatentView latent = new LatentView();
    private final TabPane tabs = new TabPane();
    private final SplitPane chartsAndDigits = new SplitPane();
    /** Where the divider starts: at 1400 × 900 the digits get 3× (84 px), the charts the rest. */
    static final double DIVIDER = 0.42;
    private final CheckBox logScale = new CheckBox("Log scale");
    private final CheckBox aboveFloor = new CheckBox("BCE above the floor");
    private final Button clearRuns = new Button("Clear old runs");
    private final FramePump pump = new FramePump(this::frame);
    // While a run trains, the Training tab redraws at most once a second, everything in the same frame: one
    // layout pass, one rendering, one core lent. JFreeChart redraws a whole chart, text and all, for each
    // change (~12 ms a chart here); the digit panel rewrites every pixel (~5 ms); the status lays out its
    // labels again (~3 ms); the renderer thread then spends about as long again. window-bench measured
    // what this costs the training: see docs/decisions/0004-window-drawing-cost.md.
    private final DrawBudget trainingBudget = new DrawBudget(0.04, 1000, 2000);
    private static final long LOAN_NANOS = 100_000_000L;   // a frame's longest draw, as a bound: the loan ends after it
    private final CoreLoan loan = new CoreLoan();          // this window's: the runs it starts give a core up while it draws
    private Tab training, resultsTab, latentTab;
    private boolean drawing = true;
    private final List<Runnable> afterDrain = new ArrayList<>();
    private aelab.data.Dataset floorOf;   // the dataset whose floor the explainer names

    public MainView(LabSession session) {
        this.session = session;
        session.setCoreLending(loan);
        this.controls = new ControlsView(session);
        setId("main");
        createView();
        initListeners();
        pump.start();
        watchRenderer();
    }

    /**
     * Lends the training's core to JavaFX's renderer thread whenever it runs. It rasterises what the frames
     * drew, after them, for as long as that takes: a deadline could only guess. Not found (another
     * pipeline names it otherwise), the loan covers the frames alone.
     */
    private void watchRenderer() {
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst()
                .ifPresent(loan::lendWhileRunning);
    }

    private void createView() {
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefViewportWidth(330);
        left.getStyleClass().add("controls-pane");
        controls.setPadding(new Insets(12));
        setLeft(left);

        logScale.setId("log-scale");
        logScale.setTooltip(new Tooltip("Show both loss axes on a logarithmic scale: small differences near the floor become visible"));
        aboveFloor.setId("above-floor");
        aboveFloor.setTooltip(new Tooltip("Draw BCE minus the floor: what a better model could still remove. "
                + "It goes towards 0 as the reconstructions improve, which BCE itself never does on grey pixels"));
        clearRuns.setId("clear-runs");
        clearRuns.setTooltip(new Tooltip("Remove every run from the charts but the newest"));
        Label hint = new Label("Change the output, loss or scale during a run to compare: the run before stays on the charts, faded.");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox chartBar = new HBox(10, hint, spacer, aboveFloor, logScale, clearRuns);
        chartBar.setAlignment(Pos.CENTER_LEFT);

        HBox charts = new HBox(8, bce, mse);
        HBox.setHgrow(bce, Priority.ALWAYS);
        HBox.setHgrow(mse, Priority.ALWAYS);
        bce.setPrefSize(540, 360);
        mse.setPrefSize(540, 360);
        bce.setMinSize(250, 160);
        mse.setMinSize(250, 160);

        status.setPrefWidth(330);
        status.setMinWidth(260);
        HBox.setHgrow(reconstructions, Priority.ALWAYS);
        HBox lower = new HBox(14, reconstructions, status);
        lower.setPadding(new Insets(6, 0, 0, 0));

        // The divider gives the room to the charts or to the digits, which grow with it (whole-pixel scales).
        chartsAndDigits.setId("charts-digits");
        chartsAndDigits.setOrientation(javafx.geometry.Orientation.VERTICAL);
        chartsAndDigits.getItems().addAll(charts, lower);
        chartsAndDigits.setDividerPositions(DIVIDER);
        SplitPane.setResizableWithParent(lower, true);
        VBox.setVgrow(chartsAndDigits, Priority.ALWAYS);

        VBox center = new VBox(8, chartBar, chartsAndDigits);
        center.setPadding(new Insets(10, 12, 10, 12));
        results.setPadding(new Insets(10, 12, 10, 12));
        explainer.setPadding(new Insets(10, 12, 10, 12));
        latent.setPadding(new Insets(10, 12, 10, 12));
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        training = tab("training", "Training", center);
        resultsTab = tab("results", "Results", results);
        latentTab = tab("latent", "Latent space", latent);
        tabs.getTabs().addAll(training, resultsTab, latentTab, tab("explain", "Explain BCE", explainer));
        setCenter(tabs);
    }

    private static Tab tab(String id, String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId("tab-" + id);
        return t;
    }

    private void initListeners() {
        logScale.selectedProperty().addListener((o, was, is) -> {
            bce.setLogScale(is);
            mse.setLogScale(is);
        });
        aboveFloor.selectedProperty().addListener((o, was, is) -> {
            bce.setBaseline(is ? Baseline.FLOOR : Baseline.ZERO);
            bce.refresh(session.history());
        });
        clearRuns.setOnAction(e -> session.clearOldRuns());
        status.setOnWhy(this::explain);
        reconstructions.contrastProperty().addListener((o, was, is) -> latent.setContrast(is));
        reconstructions.setOnMoved(this::showCursor);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> frame());   // the new tab catches up now
    }

    /**
     * The one place run data reaches the views: take in what the threads sent, then redraw what changed on
     * the tab in view. The other tabs catch up when they are shown (see {@link #initListeners}): a table or
     * a scatter nobody sees would cost the training its CSS and layout passes for nothing.
     */
    private void frame() {
        session.drain();
        for (Runnable r : afterDrain) r.run();
        if (session.dataset() != floorOf) nameTheFloor(session.dataset());
        if (!drawing) return;
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown == training) refreshTrainingTab();
        else if (shown == resultsTab) results.refresh(session.results());
        else if (shown == latentTab) latent.refresh(session.dataset() == null ? null : session.dataset().test(), session.history());
        clearRuns.setDisable(session.history().runs().size() < 2);
    }

    /**
     * Charts, digits and status up to date with the runs. While a run trains, within a budget of the FX thread's
     * time, and with a core lent by the training while drawing (see {@link CoreLoan}).
     */
    private void refreshTrainingTab() {
        if (session.going().isEmpty()) {   // nothing training: every view follows at once (cheap when unchanged)
            refreshTraining();
            return;
        }
        long start = System.nanoTime();
        if (!trainingBudget.due(start)) return;
        loan.lendUntil(start + LOAN_NANOS);   // the training gives this core up while the window draws
        trainingBudget.run(this::refreshTraining);
        // What this frame changed is rendered after it by JavaFX's renderer thread, which the loan watches.
        loan.lendUntil(System.nanoTime());
    }

    /** The same, all of it now, whether or not the Training tab is in view: before an export, say. */
    @Override public void refreshTraining() {
        refreshCharts();
        refreshDigits();
        refreshStatus();
    }

    private void refreshStatus() {
        status.refresh(RunStatus.of(session.history().latest()), session.diagnoses());
    }

    private void refreshCharts() {
        bce.refresh(session.history());
        mse.refresh(session.history());
    }

    private void refreshDigits() {
        reconstructions.refresh(session.dataset() == null ? null : session.dataset().test(), session.grid(),
                session.history().newest());
        showCursor();
    }

    /** The charts mark the point of training the scrubber shows (none while live). */
    private void showCursor() {
        double at = reconstructions.scrubbedPosition();
        bce.setCursor(at);
        mse.setCursor(at);
    }

    /**
     * Runs the task once a frame on the FX thread, right after the runs' news were taken in: for what
     * follows the runs without drawing them (the title's unsaved mark, the recovery copy). It must be cheap.
     */
    public void everyFrame(Runnable task) { afterDrain.add(task); }

    /** Whether frames redraw the views; held (false) they only take in the runs' news. For the window bench (aelab.bench). */
    public void setDrawing(boolean on) { drawing = on; }

    /** The explainer says the floor of the test images training is evaluated on, as the BCE chart draws it. */
    private void nameTheFloor(aelab.data.Dataset d) {
        floorOf = d;
        if (d == null) {
            explainer.setFloor(Double.NaN, "");
            return;
        }
        int limit = session.form().testLimit(), n = limit <= 0 ? d.test().count() : Math.min(limit, d.test().count());
        explainer.setFloor(aelab.engine.Entropy.bceFloor(d.test(), limit), String.format(java.util.Locale.ROOT, "the %,d test images of %s", n, d.name()));
    }

    /** Opens the explainer at a topic: where a diagnosis's "why?" leads. */
    void explain(Topic topic) {
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-explain".equals(t.getId())).findFirst()
                .orElseThrow());
        explainer.show(topic);
    }

    /** Stops the frame pump and any run: for closing the window. */
    public void dispose() {
        pump.stop();
        session.stop();
    }

    @Override public List<JFreeChart> lossCharts() { return List.of(bce.chart(), mse.chart()); }

    @Override public Preview shownPreview() { return reconstructions.shownPreview(); }

    @Override public Contrast contrast() { return reconstructions.contrastProperty().get(); }

    LossChart bceChart() { return bce; }

    LossChart mseChart() { return mse; }

    ReconstructionView reconstructions() { return reconstructions; }

    ResultsView results() { return results; }

    TabPane tabs() { return tabs; }

    ExplainerView explainer() { return explainer; }

    ControlsView controls() { return controls; }

    LatentView latent() { return latent; }

    LabSession session() { return session; }
}
