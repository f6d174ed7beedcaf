package aelab.app.model;

import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The experiment as the user edits it: choices as values, numbers as the text typed. Every change
 * re-parses and re-checks everything, putting each problem next to the field that causes it; the
 * config is null while any problem remains. The checks are TrainingConfig.problems(), so the window
 * and the command line refuse the same things with the same words.
 */
public final class SettingsForm {

    /** The typed fields; the label is also the prefix of TrainingConfig's problem sentences. */
    public enum Field {
        EPOCHS("epochs"), BATCH_SIZE("batch size"), LEARNING_RATE("learning rate"), LAYERS("layers"), SEED("seed");

        final String label;

        Field(String label) { this.label = label; }

        public String label() { return label; }
    }

    private final int imageSize;
    private final int trainLimit;
    private final int testLimit;
    private final ObjectProperty<Activation> output = new SimpleObjectProperty<>(this, "output");
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(this, "loss");
    private final ObjectProperty<Scale> scale = new SimpleObjectProperty<>(this, "scale");
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer");
    private final Map<Field, StringProperty> text = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper otherError = new ReadOnlyStringWrapper(this, "otherError", "");
    private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final BooleanBinding valid = Bindings.isNotNull(config);
    private Activation hidden;
    private boolean loading;
    private Runnable onChoiceChanged = () -> { };

    /** @param trainLimit, testLimit images used per run, 0 for all: fixed for the window's lifetime */
    public SettingsForm(int imageSize, int trainLimit, int testLimit, TrainingConfig initial) {
        this.imageSize = imageSize;
        this.trainLimit = trainLimit;
        this.testLimit = testLimit;
        for (Field f : Field.values()) {
            text.put(f, new SimpleStringProperty(this, f.label, ""));
            errors.put(f, new ReadOnlyStringWrapper(this, f.label + " error", ""));
        }
        load(initial);
        text.values().forEach(p -> p.addListener((o, a, b) -> revalidate()));
        output.addListener((o, a, b) -> choiceChanged());
        loss.addListener((o, a, b) -> choiceChanged());
        scale.addListener((o, a, b) -> choiceChanged());
        optimizer.addListener((o, a, b) -> {
            optimizerChanged(a, b);
            choiceChanged();
        });
    }

    /**
     * Called after the user changes the output, loss, scale or optimizer and the config was re-checked
     * (not while {@link #load} puts in a whole experiment): a choice takes effect at once, unlike typing.
     */
    public void setOnChoiceChanged(Runnable action) { onChoiceChanged = action; }

    private void choiceChanged() {
        if (loading) return;
        revalidate();
        onChoiceChanged.run();
    }

    /** Puts every field to the given experiment's values (the limits stay the form's own). */
    public void load(TrainingConfig c) {
        loading = true;
        try {
            hidden = c.hidden();
            output.set(c.output());
            loss.set(c.loss());
            scale.set(c.scale());
            optimizer.set(c.optimizer());
            text.get(Field.EPOCHS).set(Integer.toString(c.epochs()));
            text.get(Field.BATCH_SIZE).set(Integer.toString(c.batchSize()));
            text.get(Field.LEARNING_RATE).set(Format.plain(c.learningRate()));
            text.get(Field.LAYERS).set(String.join(",", c.layerString().split("-")));
            text.get(Field.SEED).set(Long.toString(c.seed()));
        } finally {
            loading = false;
        }
        revalidate();
    }

    /** A learning rate left at the old optimizer's default follows the new one's (Adam 0.001, SGD 0.01). */
    private void optimizerChanged(OptimizerKind before, OptimizerKind after) {
        if (loading || before == null || after == null) return;
        StringProperty lr = text.get(Field.LEARNING_RATE);
        try {
            if (Double.parseDouble(lr.get().trim()) == before.defaultLearningRate())
                lr.set(Format.plain(after.defaultLearningRate()));
        } catch (NumberFormatException ignored) {
            // a learning rate that does not parse stays for the user to fix
        }
    }

    private void revalidate() {
        if (loading) return;
        Map<Field, String> found = new EnumMap<>(Field.class);
        TrainingConfig d = TrainingConfig.defaults();
        int epochs = parseInt(Field.EPOCHS, d.epochs(), found);
        int batch = parseInt(Field.BATCH_SIZE, d.batchSize(), found);
        double lr = parseDouble(Field.LEARNING_RATE, d.learningRate(), found);
        long seed = parseLong(Field.SEED, d.seed(), found);
        int[] layers = d.layers();
        try {
            layers = TrainingConfig.parseLayers(text(Field.LAYERS).get());
        } catch (IllegalArgumentException e) {
            found.put(Field.LAYERS, withoutPrefix(e.getMessage(), Field.LAYERS));
        }
        TrainingConfig c = new TrainingConfig(layers, hidden, output.get(), loss.get(), scale.get(), epochs, batch, lr,
                optimizer.get(), seed, trainLimit, testLimit, 0);
        List<String> other = new ArrayList<>();
        for (String problem : c.problems(imageSize)) {
            Field f = fieldOf(problem);
            if (f == null) other.add(problem);
            else found.putIfAbsent(f, withoutPrefix(problem, f));
        }
        for (Field f : Field.values()) errors.get(f).set(found.getOrDefault(f, ""));
        otherError.set(String.join("; ", other));
        config.set(found.isEmpty() && other.isEmpty() ? c : null);
    }

    private int parseInt(Field f, int fallback, Map<Field, String> found) {
        String s = text(f).get().trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            found.put(f, s.isEmpty() ? "type a whole number" : "'" + s + "' is not a whole number");
            return fallback;
        }
    }

    private long parseLong(Field f, long fallback, Map<Field, String> found) {
        String s = text(f).get().trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            found.put(f, s.isEmpty() ? "type a whole number" : "'" + s + "' is not a whole number");
            return fallback;
        }
    }

    private double parseDouble(Field f, double fallback, Map<Field, String> found) {
        String s = text(f).get().trim();
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        found.put(f, s.isEmpty() ? "type a number, e.g. 0.001" : "'" + s + "' is not a number (write e.g. 0.001)");
        return fallback;
    }

    private static Field fieldOf(String problem) {
        for (Field f : Field.values()) if (problem.startsWith(f.label + ":")) return f;
        return null;
    }

    private static String withoutPrefix(String message, Field f) {
        String p = f.label + ":";
        return message.startsWith(p) ? message.substring(p.length()).trim() : message;
    }

    public ObjectProperty<Activation> outputProperty() { return output; }

    public ObjectProperty<Loss> lossProperty() { return loss; }

    public ObjectProperty<Scale> scaleProperty() { return scale; }

    public ObjectProperty<OptimizerKind> optimizerProperty() { return optimizer; }

    public StringProperty text(Field f) { return text.get(f); }

    /** Why the field's text cannot be used, or "" when it can. */
    public ReadOnlyStringProperty error(Field f) { return errors.get(f).getReadOnlyProperty(); }

    /** Problems that belong to no typed field; "" when there are none. */
    public ReadOnlyStringProperty otherError() { return otherError.getReadOnlyProperty(); }

    /** The experiment to run, or null while a field has a problem. */
    public ReadOnlyObjectProperty<TrainingConfig> configProperty() { return config.getReadOnlyProperty(); }

    public TrainingConfig config() { return config.get(); }

    public BooleanBinding valid() { return valid; }
}
