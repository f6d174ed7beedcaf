package aelab.app.view;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A one-click choice among a few values: a row of toggle buttons, one always pressed, tied to a property. */
final class Choice<T> extends HBox {
    private final ToggleGroup group = new ToggleGroup();
    private final ObjectProperty<T> value;

    Choice(String id, ObjectProperty<T> value, List<T> options, Function<T, String> text, Function<T, String> tip) {
        this.value = value;
        setId(id);
        getStyleClass().add("choice");
        for (T option : options) {
            ToggleButton b = new ToggleButton(text.apply(option));
            b.setUserData(option);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(tip.apply(option)));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setId(id + "-" + option.toString().replaceAll("[^A-Za-z0-9]+", ""));
            HBox.setHgrow(b, Priority.ALWAYS);
            getChildren().add(b);
        }
        select(value.get());
        initListeners();
    }

    private void initListeners() {
        group.selectedToggleProperty().addListener((o, before, after) -> {
            if (after == null) {
                group.selectToggle(before);   // clicking the pressed button keeps it pressed
                return;
            }
            @SuppressWarnings("unchecked") T chosen = (T) after.getUserData();
            if (chosen != value.get()) value.set(chosen);
        });
        value.addListener((o, before, after) -> select(after));
    }

    private void select(T v) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == v) {
                if (!t.isSelected()) group.selectToggle(t);
                return;
            }
        }
    }
}
