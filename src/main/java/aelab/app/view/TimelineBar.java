package aelab.app.view;

import aelab.app.model.Format;
import aelab.app.model.Scrubber;
import aelab.engine.Preview;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The scrubber under the reconstructions: a slider over the moments the shown runs kept (see
 * {@link Scrubber}), Play to replay them at a watchable pace, Live to follow training again, and
 * where the panel stands. Dragging, the arrow keys on the slider and Play move every shown run at
 * once; the view redraws through {@link #setOnMoved}.
 */
public final class TimelineBar extends HBox {
    /** Time each moment stays on screen while playing: 46 moments of a 5-epoch run replay in about 8 s. */
    static final Duration PLAY_FRAME = Duration.millis(180);

    private final Scrubber scrubber;
    private final Button play = new Button("Play");
    private final Slider slider = new Slider(0, 0, 0);
    private final ToggleButton live = new ToggleButton("Live");
    private final Label where = new Label();
    // The slider and the step change with every frame of a run: each laid out alone (SteadyBox).
    private final SteadyBox sliderBox = new SteadyBox(slider), whereBox = new SteadyBox(where);
    private final Timeline player = new Timeline(new KeyFrame(PLAY_FRAME, e -> playOn()));
    private Runnable onMoved = () -> { };
    private boolean updating;

    public TimelineBar(Scrubber scrubber) {
        this.scrubber = scrubber;
        setId("timeline");
        createView();
        initListeners();
        refresh(null);
    }

    private void createView() {
        play.setId("timeline-play");
        play.setTooltip(new Tooltip("Replay the runs' timelines from the start, every snapshot in turn"));
        play.setMinWidth(Region.USE_PREF_SIZE);
        slider.setId("timeline-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setTooltip(new Tooltip("Drag to see the reconstructions at an earlier point of training (every run shown, "
                + "in step); the arrow keys step through the snapshots, dense early and sparse later"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMinWidth(80);
        live.setId("timeline-live");
        live.setTooltip(new Tooltip("Follow training again: show the latest reconstructions"));
        live.setMinWidth(Region.USE_PREF_SIZE);
        where.setId("timeline-position");
        where.getStyleClass().add("hint");
        where.setMinWidth(170);
        where.setPrefWidth(250);   // fixed: a text that grows by a digit must not move the slider
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(sliderBox, Priority.ALWAYS);
        getChildren().addAll(play, sliderBox, live, whereBox);
        player.setCycleCount(Timeline.INDEFINITE);
    }

    private void initListeners() {
        slider.valueProperty().addListener((o, was, is) -> {
            if (updating) return;
            int i = (int) Math.round(is.doubleValue());
            if (!scrubber.isLive() && i == scrubber.index()) return;
            stopPlaying();
            scrubber.show(i);
            moved();
        });
        live.setOnAction(e -> {
            followLive();
            moved();
        });
        play.setOnAction(e -> {
            if (player.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                stopPlaying();
                return;
            }
            if (scrubber.size() == 0) return;
            if (scrubber.isLive() || scrubber.index() >= scrubber.size() - 1) scrubber.show(0);
            play.setText("Pause");
            player.play();
            moved();
        });
    }

    private void playOn() {
        if (!scrubber.next()) stopPlaying();
        moved();
    }

    private void stopPlaying() {
        player.stop();
        play.setText("Play");
    }

    /** Back to following training, without a redraw of its own (the caller draws). */
    public void followLive() {
        stopPlaying();
        scrubber.goLive();
    }

    /** Steps one snapshot back or on (the arrow keys of the digit panel). */
    public void step(int by) {
        stopPlaying();
        if (by < 0 ? scrubber.previous() : scrubber.next()) moved();
    }

    private void moved() {
        onMoved.run();
    }

    /** What to redraw when the position changed. */
    public void setOnMoved(Runnable r) { onMoved = r; }

    public boolean isPlaying() { return player.getStatus() == javafx.animation.Animation.Status.RUNNING; }

    /**
     * FX thread, once per frame and after each move: the slider's length and knob, the Live button, and
     * the line that says where the panel stands.
     *
     * @param shown what the newest shown run shows (null: nothing yet)
     */
    public void refresh(Preview shown) {
        updating = true;
        try {
            int n = scrubber.size();
            slider.setMax(Math.max(0, n - 1));
            slider.setValue(Math.max(0, scrubber.index()));
            slider.setDisable(n < 2);
            play.setDisable(n < 2);
            live.setSelected(scrubber.isLive());
            live.setDisable(scrubber.isLive());
        } finally {
            updating = false;
        }
        String text = shown == null ? "no snapshots yet"
                : scrubber.isLive() ? "live · step " + Format.count(shown.step())
                : "step " + Format.count(shown.step()) + " · epoch " + shown.epoch() + " · snapshot "
                        + (scrubber.index() + 1) + " of " + scrubber.size();
        whereBox.setText(text);
    }

    Slider slider() { return slider; }
}
