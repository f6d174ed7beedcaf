package aelab.app.model;

import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.ModelKind;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The experiment as the user edits it: choices as values, numbers as the text typed. Every change
 * re-parses and re-checks everything, putting each problem next to the field of the setting it
 * names; the config is null while any problem remains. Parsing is the settings' own
 * ({@link Setting#parse}) and the checks are TrainingConfig.problems(), so the window and the command
 * line refuse the same things with the same words.
 */
public final class SettingsForm {

    /** The typed fields, each the text of one setting. */
    public enum Field {
        EPOCHS(Settings.EPOCHS), BATCH_SIZE(Settings.BATCH_SIZE), LEARNING_RATE(Settings.LEARNING_RATE),
        LAYERS(Settings.LAYERS), SEED(Settings.SEED), NOISE(Settings.NOISE), L1(Settings.L1), BETA(Settings.BETA);

        private final Setting<?> setting;

        Field(Setting<?> setting) { this.setting = setting; }

        public Setting<?> setting() { return setting; }

        public String label() { return setting.name(); }

        static Field of(Setting<?> s) {
            for (Field f : values()) if (f.setting == s) return f;
            return null;
        }
    }

    private final int imageSize;
    private final int trainLimit;
    private final int testLimit;
    private final ObjectProperty<Activation> output = new SimpleObjectProperty<>(this, "output");
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(this, "loss");
    private final ObjectProperty<Scale> scale = new SimpleObjectProperty<>(this, "scale");
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer");
    private final ObjectProperty<ModelKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final Map<Field, StringProperty> text = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper otherError = new ReadOnlyStringWrapper(this, "otherError", "");
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config");
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
            text.put(f, new SimpleStringProperty(this, f.label(), ""));
            errors.put(f, new ReadOnlyStringWrapper(this, f.label() + " error", ""));
        }
        load(initial);
        text.values().forEach(p -> p.addListener((o, a, b) -> revalidate()));
        output.addListener((o, a, b) -> choiceChanged());
        loss.addListener((o, a, b) -> choiceChanged());
        scale.addListener((o, a, b) -> choiceChanged());
        kind.addListener((o, a, b) -> kindChanged(b));
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

    /**
     * A VAE is sigmoid + BCE on [0,1] by definition (its decoder gives each pixel a probability): choosing
     * it sets those three with it, as one change.
     */
    private void kindChanged(ModelKind k) {
        if (!loading && k != null) {
            TrainingConfig as = TrainingConfig.defaults().with(Settings.OUTPUT, output.get()).with(Settings.LOSS, loss.get())
                    .with(Settings.SCALE, scale.get()).asKind(k);
            loading = true;
            try {
                output.set(as.output());
                loss.set(as.loss());
                scale.set(as.scale());
            } finally {
                loading = false;
            }
        }
        choiceChanged();
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
            kind.set(c.kind());
            for (Field f : Field.values()) text.get(f).set(f.setting.text(c));
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
        TrainingConfig c = TrainingConfig.read(s -> valueOf(s, found));
        List<String> other = new ArrayList<>();
        for (Setting.Problem problem : c.problems(imageSize)) {
            Field f = Field.of(problem.setting());
            if (f == null) other.add(problem.toString());
            else found.putIfAbsent(f, problem.message());
        }
        for (Field f : Field.values()) errors.get(f).set(found.getOrDefault(f, ""));
        otherError.set(String.join("; ", other));
        config.set(found.isEmpty() && other.isEmpty() ? c : null);
    }

    /** A setting's value as the form holds it; a typed text that does not parse reports why and counts as the default. */
    private Object valueOf(Setting<?> s, Map<Field, String> found) {
        Field f = Field.of(s);
        if (f != null) {
            try {
                return s.parse(text(f).get());
            } catch (IllegalArgumentException e) {
                found.put(f, e.getMessage());
                return s.defaultValue();
            }
        }
        if (s == Settings.OUTPUT) return output.get();
        if (s == Settings.LOSS) return loss.get();
        if (s == Settings.SCALE) return scale.get();
        if (s == Settings.OPTIMIZER) return optimizer.get();
        if (s == Settings.KIND) return kind.get();
        if (s == Settings.HIDDEN) return hidden;
        if (s == Settings.TRAIN_LIMIT) return trainLimit;
        if (s == Settings.TEST_LIMIT) return testLimit;
        return s.defaultValue();   // threads: the session decides
    }

    /** Test images each run is evaluated on, 0 for all: fixed for the window's lifetime. */
    public int testLimit() { return testLimit; }

    public ObjectProperty<Activation> outputProperty() { return output; }

    public ObjectProperty<Loss> lossProperty() { return loss; }

    public ObjectProperty<Scale> scaleProperty() { return scale; }

    public ObjectProperty<OptimizerKind> optimizerProperty() { return optimizer; }

    /** The kind of autoencoder; its parameter is the typed field of {@link Settings#parametersOf}. */
    public ObjectProperty<ModelKind> kindProperty() { return kind; }

    public StringProperty text(Field f) { return text.get(f); }

    /** Why the field's text cannot be used, or "" when it can. */
    public ReadOnlyStringProperty error(Field f) { return errors.get(f).getReadOnlyProperty(); }

    /** Problems that belong to no typed field; "" when there are none. */
    public ReadOnlyStringProperty otherError() { return otherError.getReadOnlyProperty(); }

    /** The experiment to run, or null while a field has a problem. */
    public TrainingConfig config() { return config.get(); }

    public BooleanBinding valid() { return valid; }

    /** {@link #config()} as a property, to follow it (null while a field has a problem). */
    public javafx.beans.value.ObservableValue<TrainingConfig> configProperty() { return config; }
}
