package aelab.app.model;

import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.ModelKind;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The runs to train side by side: up to four rows of output, loss, scale and kind of autoencoder, each
 * switched on or off.
 * Every other setting comes from the main form, so the runs differ only in what is being compared
 * (and, with the same seed and widths, start from the same weights on the same mini-batches).
 */
public final class CompareForm {
    public static final int ROWS = 4, MIN_RUNS = 2;

    /** One candidate run. */
    public static final class Row {
        private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
        private final ObjectProperty<Activation> output = new SimpleObjectProperty<>(this, "output");
        private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(this, "loss");
        private final ObjectProperty<Scale> scale = new SimpleObjectProperty<>(this, "scale");
        private final ObjectProperty<ModelKind> kind = new SimpleObjectProperty<>(this, "kind", ModelKind.PLAIN);

        Row() {
            // a VAE is sigmoid + BCE on [0,1] by definition: choosing it sets them
            kind.addListener((o, was, is) -> {
                if (is == null) return;
                TrainingConfig as = apply(TrainingConfig.defaults()).asKind(is);
                set(on.get(), as.output(), as.loss(), as.scale(), is);
            });
        }

        void set(boolean enabled, Activation o, Loss l, Scale s) {
            set(enabled, o, l, s, ModelKind.PLAIN);
        }

        void set(boolean enabled, Activation o, Loss l, Scale s, ModelKind k) {
            output.set(o);
            loss.set(l);
            scale.set(s);
            kind.set(k);
            on.set(enabled);
        }

        /** The base settings with this row's choices; the kind's parameter is the main form's. */
        TrainingConfig apply(TrainingConfig base) {
            return base.with(Settings.OUTPUT, output.get()).with(Settings.LOSS, loss.get()).with(Settings.SCALE, scale.get())
                    .with(Settings.KIND, kind.get());
        }

        public ObjectProperty<ModelKind> kindProperty() { return kind; }

        public BooleanProperty onProperty() { return on; }

        public ObjectProperty<Activation> outputProperty() { return output; }

        public ObjectProperty<Loss> lossProperty() { return loss; }

        public ObjectProperty<Scale> scaleProperty() { return scale; }
    }

    private final List<Row> rows = new ArrayList<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);

    public CompareForm() {
        for (int i = 0; i < ROWS; i++) {
            Row r = new Row();
            rows.add(r);
            r.on.addListener(o -> revalidate());
            r.output.addListener(o -> revalidate());
            r.loss.addListener(o -> revalidate());
            r.scale.addListener(o -> revalidate());
            r.kind.addListener(o -> revalidate());
        }
        useThePresets();
    }

    /** The question, the answer and MSE switched on; the fourth row (linear + MSE) off. */
    public void useThePresets() {
        List<Preset> presets = java.util.Arrays.stream(Preset.values()).filter(p -> !p.isKind()).toList();
        for (int i = 0; i < presets.size(); i++) {
            TrainingConfig c = presets.get(i).config();
            rows.get(i).set(true, c.output(), c.loss(), c.scale());
        }
        rows.get(3).set(false, Activation.LINEAR, Loss.MSE, Scale.UNIT);
    }

    /** The four kinds of autoencoder on the answer's model: plain, denoising, sparse and VAE. */
    public void useTheKinds() {
        ModelKind[] kinds = ModelKind.values();
        for (int i = 0; i < ROWS; i++) rows.get(i).set(true, Activation.SIGMOID, Loss.BCE, Scale.UNIT, kinds[i % kinds.length]);
    }

    /** The configurations of the rows switched on, in order, over the base settings; empty without a base. */
    public List<TrainingConfig> configs(TrainingConfig base) {
        if (base == null) return List.of();
        List<TrainingConfig> list = new ArrayList<>();
        for (Row r : rows) if (r.on.get()) list.add(r.apply(base));
        return list;
    }

    private void revalidate() {
        List<TrainingConfig> chosen = configs(TrainingConfig.defaults());
        String p = "";
        if (chosen.size() < MIN_RUNS) p = "Tick at least " + MIN_RUNS + " runs to compare.";
        for (int i = 0; i < chosen.size() && p.isEmpty(); i++)
            for (int j = i + 1; j < chosen.size(); j++)
                if (chosen.get(i).equals(chosen.get(j))) {
                    p = "Two ticked runs are the same (" + chosen.get(i).label() + "): change one.";
                    break;
                }
        problem.set(p);
    }

    public List<Row> rows() { return List.copyOf(rows); }

    /** Why these rows cannot be started, or "" when they can. */
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }

    public BooleanBinding valid() { return valid; }
}
