package aelab.app;

import aelab.app.chart.LossChart;
import aelab.app.files.TrainingPictures;
import aelab.app.session.LabSession;
import aelab.app.view.ControlsView;
import aelab.app.view.ExplainerView;
import aelab.app.view.LatentView;
import aelab.app.view.ReconstructionView;
import aelab.app.view.ResultsView;
import aelab.app.view.SideOrBelow;
import aelab.app.view.StatusView;
import aelab.app.model.Baseline;
import aelab.app.model.Contrast;
import aelab.app.model.Topic;
import aelab.engine.CoreLoan;
import aelab.engine.Preview;

import java.util.ArrayList;
import java.util.List;
import aelab.app.model.RunStatus;

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
 * budget of the FX thread's time, which its cheap frames keep at five times a second (see {@link DrawBudget}).
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
    private SideOrBelow lower;
    private long lowerRequestsSeen = -1;   // lower's layout requests when its height was last checked
    private aelab.app.view.ScrollWhenShort lowerHolder;
    /** The least share of the height the charts keep when the digits are given room for a larger scale. */
    static final double CHARTS_SHARE = 0.34;
    private boolean dividerMoved, placing;
    // the width, height and rows of digits the divider was placed for: placed again only when they change,
    // never as the titles and figures change, so nothing moves under the pointer while a run trains
    private final double[] placedFor = {-1, -1};
    private String placedForRows = "";
    /** Where the divider starts: at 1400 × 900 the digits get 3× (84 px), the charts the rest. */
    static final double DIVIDER = 0.42;
    private final CheckBox logScale = new CheckBox("Log scale");
    private final CheckBox aboveFloor = new CheckBox("BCE above the floor");
    private final Button clearRuns = new Button("Clear old runs");
    private final FramePump pump = new FramePump(this::frame, this::lendAhead);
    // While a run trains, the Training tab redraws at every frame (5 a second) as long as a frame costs the FX
    // thread under 8 ms of CPU, everything in the same frame: one layout pass, one rendering, one core lent.
    // The least wait is half a frame, so that no frame is skipped for coming a moment early. Frames are cheap
    // because the charts draw only their new pieces and the digits only their new rows (docs/decisions/
    // 0011-live-view-keeps-up.md); a frame that draws a chart whole (axes moved, a curve thinned) costs more
    // and delays the next one. window-bench measures what this costs the training.
    private final DrawBudget trainingBudget = new DrawBudget(0.04, FramePump.FRAME_MILLIS / 2, 1000, fxCpuClock());

    /** The calling thread's CPU time, where Java can tell it; else the wall clock. */
    private static java.util.function.LongSupplier fxCpuClock() {
        java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t::getCurrentThreadCpuTime : System::nanoTime;
    }

    private final CoreLoan loan = new CoreLoan();          // this window's: the runs it starts give a core up while it draws
    private volatile boolean nextFrameDraws;               // whether the next frame will draw a run in training
    private Tab training, resultsTab, latentTab;
    private boolean drawing = true;
    private final List<Runnable> afterDrain = new ArrayList<>();
    private final RedrawMeter meter = new RedrawMeter();
    private List<RunStatus> shownStatus;
    private List<aelab.app.model.Diagnostics.Diagnosis> shownDiagnoses;
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
        followPulses();
        keepFocusOffControlsWhileLoading();
    }

    /**
     * While the digits load, Start is off and JavaFX would give the focus to the next control it finds, a
     * preset or a check box, whose focus ring looks like a choice made. The window itself holds the focus
     * then; once the digits are in, Start takes it (see {@link ControlsView}).
     */
    private void keepFocusOffControlsWhileLoading() {
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) scene.focusOwnerProperty().addListener((p, before, now) -> {
                if (now != null && now != this && session.state() == LabSession.State.LOADING
                        && !(now instanceof javafx.scene.control.TextInputControl) && before == null)
                    javafx.application.Platform.runLater(this::requestFocus);
            });
        });
    }

    /**
     * Lends the training's core whenever this window's threads work: the FX thread (frames, pulses, input) and
     * JavaFX's renderer thread, which rasterises what the frames drew, after them, for as long as that takes.
     * A renderer not found (another pipeline names it otherwise) leaves the FX thread watched alone.
     */
    private void watchRenderer() {
        List<Thread> threads = new ArrayList<>();
        if (javafx.application.Platform.isFxApplicationThread()) threads.add(Thread.currentThread());
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst()
                .ifPresent(threads::add);
        loan.lendWhileWorking(threads);
    }

    /** The pump posts frames just before a pulse: it learns their beat from the scene. */
    private void followPulses() {
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) pump.attach(scene);
        });
    }

    private void createView() {
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefViewportWidth(330);
        left.getStyleClass().add("controls-pane");
        controls.setPadding(new Insets(4, 12, 12, 12));
        // The settings fold away to a strip, leaving a small screen to the charts and digits; the Run menu
        // still starts and stops runs.
        Button hide = new Button("‹ Hide");
        hide.setId("hide-settings");
        hide.setTooltip(new Tooltip("Fold the settings away: more room for the charts, the digits and the tables. "
                + "The Run menu still starts, pauses and stops"));
        Label heading = new Label("Settings");
        heading.getStyleClass().add("section-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox panelBar = new HBox(6, heading, gap, hide);
        panelBar.setAlignment(Pos.CENTER_LEFT);
        panelBar.setPadding(new Insets(6, 12, 0, 12));
        panelBar.getStyleClass().add("controls-pane");
        BorderPane panel = new BorderPane(left);
        VBox header = controls.header();
        header.setPadding(new Insets(4, 12, 8, 12));
        // as wide as the settings below, never wider: its data line wraps rather than widen the panel
        header.setPrefWidth(0);
        header.setMinWidth(0);
        header.getStyleClass().add("controls-pane");
        panel.setTop(new VBox(panelBar, header));   // Start, Pause, Stop stay in view; the settings scroll
        panel.setId("settings-panel");
        Button show = new Button("›");
        show.setId("show-settings");
        show.setTooltip(new Tooltip("Show the settings: Start, presets, side by side, the training settings"));
        VBox strip = new VBox(show);
        strip.setPadding(new Insets(6, 4, 6, 4));
        strip.getStyleClass().add("controls-pane");
        strip.setId("settings-strip");
        hide.setOnAction(e -> {
            setLeft(strip);
            show.requestFocus();
        });
        show.setOnAction(e -> {
            setLeft(panel);
            hide.requestFocus();
        });
        setLeft(panel);

        logScale.setId("log-scale");
        logScale.setTooltip(new Tooltip("Show both loss axes on a logarithmic scale: small differences near the floor become visible"));
        aboveFloor.setId("above-floor");
        aboveFloor.setTooltip(new Tooltip("Draw BCE minus the floor: what a better model could still remove. "
                + "It goes towards 0 as the reconstructions improve, which BCE itself never does on grey pixels"));
        clearRuns.setId("clear-runs");
        clearRuns.setTooltip(new Tooltip("Remove every run from the charts but the newest"));
        Label hint = new Label("Change the output, loss or scale during a run to compare: the run before stays on the charts, faded.");
        hint.getStyleClass().add("hint");
        // a narrow window wraps the hint onto more lines, never shortens the controls
        hint.setWrapText(true);
        hint.setMinWidth(0);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        for (javafx.scene.control.Control c : List.of(aboveFloor, logScale, clearRuns)) c.setMinWidth(Region.USE_PREF_SIZE);
        HBox chartBar = new HBox(10, hint, aboveFloor, logScale, clearRuns);
        chartBar.setAlignment(Pos.CENTER_LEFT);

        HBox charts = new HBox(8, bce, mse);
        HBox.setHgrow(bce, Priority.ALWAYS);
        HBox.setHgrow(mse, Priority.ALWAYS);
        bce.setPrefSize(540, 360);
        mse.setPrefSize(540, 360);
        bce.setMinSize(250, 160);
        mse.setMinSize(250, 160);

        // The status beside the digits when there is room for them at twice their size, else below them.
        status.setPrefWidth(330);
        status.setMinWidth(260);
        // Beside them also when the height would not let the digits be larger with the status below.
        SideOrBelow lower = new SideOrBelow(reconstructions, status, 14, ReconstructionView.WIDE)
                .besideAlsoWhen((w, h) -> reconstructions.heightAt(w, 2) + 14 + status.prefHeight(w) > h);
        lower.setId("digits-status");
        lower.setPadding(new Insets(6, 0, 0, 0));

        // The divider gives the room to the charts or to the digits, which grow with it (whole-pixel scales).
        chartsAndDigits.setId("charts-digits");
        chartsAndDigits.setOrientation(javafx.geometry.Orientation.VERTICAL);
        // When the digits and status need more height than the charts leave them, they scroll (see ScrollWhenShort).
        lowerHolder = new aelab.app.view.ScrollWhenShort(lower);
        chartsAndDigits.getItems().addAll(charts, lowerHolder);
        chartsAndDigits.setDividerPositions(DIVIDER);
        SplitPane.setResizableWithParent(lowerHolder, true);
        // once dragged, the divider stays where the user put it
        chartsAndDigits.getDividers().get(0).positionProperty().addListener(o -> {
            if (!placing && lower.getScene() != null && chartsAndDigits.isPressed()) dividerMoved = true;
        });
        this.lower = lower;
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

    /**
     * A short window gives the digits and status at least their smallest height (digits at 1×, every
     * line of the status), taking it from the charts: the split's divider alone would cut them off.
     */
    @Override protected void layoutChildren() {
        super.layoutChildren();
        double w = lower.getWidth(), h = chartsAndDigits.getHeight();
        if (h <= 0) return;
        lowerHolder.fit(h - chartsAndDigits.getItems().get(0).minHeight(lowerHolder.getWidth()) - 8);
        String rows = reconstructions.rowsShown();
        if (!dividerMoved && (w != placedFor[0] || h != placedFor[1] || !rows.equals(placedForRows))) {
            placedFor[0] = w;
            placedFor[1] = h;
            placedForRows = rows;
            placing = true;
            chartsAndDigits.setDividerPosition(0, 1 - digitsHeight(w, h) / h);
            placing = false;
        }
        double need = lower.minHeight(w), pos = chartsAndDigits.getDividerPositions()[0], most = 1 - (need + 8) / h;
        if (pos > most + 1e-3) chartsAndDigits.setDividerPosition(0, Math.max(0.2, most));
    }

    /**
     * Until the divider is dragged, the digits get the height for the largest whole scale their width allows,
     * as long as the charts keep {@link #CHARTS_SHARE} of the height: a big window grows the digits, not the
     * white margins around them. Where no scale fits, the share the divider starts with.
     */
    private double digitsHeight(double width, double height) {
        double statusBelow = lower.besideAt(width - lower.getInsets().getLeft() - lower.getInsets().getRight()) ? 0
                : 14 + status.prefHeight(width);
        double room = reconstructions.getWidth() > 0 && lower.beside() ? reconstructions.getWidth() : width;
        double extra = statusBelow + lower.getInsets().getTop() + lower.getInsets().getBottom() + 8;
        for (int scale = 8; scale >= 2; scale--) {
            double need = reconstructions.heightAt(room, scale) + extra;
            if (need <= (1 - CHARTS_SHARE) * height) return need;
        }
        return (1 - DIVIDER) * height;
    }

    private static Tab tab(String id, String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId("tab-" + id);
        return t;
    }

    private void initListeners() {
        session.pcaBaseline().addListener((o, was, is) -> {
            bce.setPcaBaseline(is);
            mse.setPcaBaseline(is);
            refreshCharts();
        });
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
        // From here on the loan follows this thread's work (see watchRenderer); the deadline only brought it here.
        loan.lendUntil(System.nanoTime());
        drawFrame();
        nextFrameDraws = drawing && !session.going().isEmpty() && tabs.getSelectionModel().getSelectedItem() == training
                && trainingBudget.due(System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(FramePump.FRAME_MILLIS));
    }

    /**
     * Just before a frame that will draw a run in training (on the pump's thread): a core is lent from now, so
     * that a worker has stepped aside by the time this thread wakes, instead of losing its core mid-task.
     */
    private void lendAhead() {
        if (nextFrameDraws) loan.lendUntil(System.nanoTime() + 2 * FramePump.LEAD_NANOS);
    }

    private void drawFrame() {
        session.drain();
        for (Runnable r : afterDrain) r.run();
        if (session.dataset() != floorOf) nameTheFloor(session.dataset());
        if (!drawing) return;
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown == training) refreshTrainingTab();
        else if (shown == resultsTab) results.refresh(session.results());
        else if (shown == latentTab) latent.refresh(session.dataset() == null ? null : session.dataset().test(), session.history());
        clearRuns.setDisable(session.history().runs().size() < 2);
        // other rows (runs side by side, error maps) want another divider: only a layout of this view places it
        if (!dividerMoved && !reconstructions.rowsShown().equals(placedForRows)) requestLayout();
        // a status grown by a line takes it from the charts, not from the window's bottom edge; asking the panel
        // its smallest height measures every line in it, so only after something in it asked for a layout
        else if (lower.layoutRequests() != lowerRequestsSeen) {
            lowerRequestsSeen = lower.layoutRequests();
            if (lower.getHeight() + 0.5 < lower.minHeight(lower.getWidth())) requestLayout();
        }
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
        if (!trainingBudget.due(System.nanoTime())) return;
        trainingBudget.run(this::refreshTraining);
    }

    /** The same, all of it now, whether or not the Training tab is in view: before an export, say. */
    @Override public void refreshTraining() {
        refreshCharts();
        refreshDigits();
        refreshStatus();
    }

    private void refreshStatus() {
        long start = System.nanoTime();
        List<aelab.app.model.Run> newest = session.history().newest();
        List<aelab.app.model.Run> shown = newest.size() > 1 ? newest : session.history().latest() == null ? List.of()
                : List.of(session.history().latest());
        List<RunStatus> s = shown.stream().map(RunStatus::of).toList();
        List<aelab.app.model.Diagnostics.Diagnosis> d = session.diagnoses();
        boolean changed = !s.equals(shownStatus) || !d.equals(shownDiagnoses);
        status.refresh(shown, d);
        shownStatus = s;
        shownDiagnoses = d;
        meter.record(RedrawMeter.View.STATUS, changed, System.nanoTime() - start);
    }

    private void refreshCharts() {
        long start = System.nanoTime();
        boolean changed = bce.refresh(session.history()) | mse.refresh(session.history());
        meter.record(RedrawMeter.View.CHARTS, changed, System.nanoTime() - start);
    }

    private void refreshDigits() {
        long start = System.nanoTime();
        boolean changed = reconstructions.refresh(session.dataset() == null ? null : session.dataset().test(),
                session.grid(), session.history().newest());
        showCursor();
        meter.record(RedrawMeter.View.DIGITS, changed, System.nanoTime() - start);
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

    /** How often the Training tab's views changed and what their refreshes took; FX thread. For the window bench. */
    public RedrawMeter redrawMeter() { return meter; }
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
