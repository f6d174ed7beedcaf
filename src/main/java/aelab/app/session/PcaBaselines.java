package aelab.app.session;

import aelab.data.Dataset;
import aelab.engine.Autoencoder;
import aelab.engine.PcaBaseline;
import aelab.engine.TrainingConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What PCA with the code width of the settings reaches on the test images ({@link PcaBaseline}): the
 * dashed baseline of the charts. Fitted once per dataset in the background (the covariance), then
 * evaluated for each code width asked for; the FX thread asks from {@link #follow} and takes the
 * answers in {@link #drain}, once a frame. Null until the first answer arrives.
 */
final class PcaBaselines {
    private record Key(Dataset data, int trainLimit, int testLimit, int width) { }
    private record Answer(Key key, PcaBaseline.Figures figures) { }

    private final BackgroundExecutor executor;
    private final Map<Key, PcaBaseline.Figures> known = new HashMap<>();
    private final AtomicReference<Answer> arrived = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<PcaBaseline.Figures> current = new ReadOnlyObjectWrapper<>(this, "pcaBaseline");
    private Key wanted, working;
    // touched by the background thread only (one task at a time)
    private Dataset fitData;
    private int fitLimit = -1;
    private PcaBaseline.Fit fit;

    PcaBaselines(BackgroundExecutor executor) {
        this.executor = executor;
    }

    /** FX thread: the baseline for these settings on this dataset (config null: keep the last). */
    void follow(Dataset data, TrainingConfig config) {
        if (data == null || config == null) return;
        int[] w = config.layers();
        if (w.length < 3) return;
        Key key = new Key(data, config.trainLimit(), config.testLimit(), w[Autoencoder.bottleneckOf(w)]);
        if (key.equals(wanted)) return;
        wanted = key;
        PcaBaseline.Figures f = known.get(key);
        current.set(f);
        if (f == null) startIfIdle();
    }

    private void startIfIdle() {
        if (working != null || wanted == null || known.containsKey(wanted)) return;
        Key key = wanted;
        working = key;
        executor.execute("PCA baseline", () -> {
            Thread.currentThread().setPriority(Thread.MIN_PRIORITY);   // training comes first
            try {
                if (fit == null || fitData != key.data() || fitLimit != key.trainLimit()) {
                    fit = PcaBaseline.fit(key.data().train(), key.trainLimit(), 1);
                    fitData = key.data();
                    fitLimit = key.trainLimit();
                }
                arrived.set(new Answer(key, fit.evaluate(key.data().test(), key.testLimit(), key.width())));
            } catch (RuntimeException | OutOfMemoryError e) {
                arrived.set(new Answer(key, null));   // no line rather than a failed window
            }
        });
    }

    /** FX thread, once a frame: takes in a finished baseline, and starts the next one wanted. */
    void drain() {
        Answer a = arrived.getAndSet(null);
        if (a == null) return;
        working = null;
        if (a.figures() != null) known.put(a.key(), a.figures());
        if (a.key().equals(wanted)) current.set(a.figures());
        startIfIdle();
    }

    ReadOnlyObjectProperty<PcaBaseline.Figures> current() { return current.getReadOnlyProperty(); }
}
