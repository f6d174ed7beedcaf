package aelab.app.session;

import aelab.data.DigitGrid;
import aelab.app.session.LabSession.DataSource;
import aelab.data.Dataset;
import aelab.data.DatasetException;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The digits a {@link LabSession} trains on: loads the first dataset, and another one on request, off the
 * FX thread; what came back is taken in by {@link #drainLoad()} and {@link #drainSwitch()} on the FX thread.
 * Holds the dataset in use, the digits shown from it, and the one-line message about it.
 */
final class DataLoader {
    /** What the session does with what came back: its state and runs are its own. */
    interface Owner {
        /** The first dataset is in use, or failed (ready false): the session is idle, or has no data. */
        void loaded(boolean ready);

        /** Another dataset is about to replace the current one: stop and remove every run. */
        void replacing();
    }

    private final BackgroundExecutor executor;
    private final DataSource source;
    private final int trainLimit, testLimit;
    private final Owner owner;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "dataMessage", "");
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();   // the first dataset, or why not
    private final AtomicReference<Loaded> switched = new AtomicReference<>(); // another dataset, or why not
    private Consumer<Dataset> switchDone = d -> { };
    private Consumer<String> switchFailed = m -> { };
    private Dataset data;
    private DigitGrid grid;

    DataLoader(BackgroundExecutor executor, DataSource source, int trainLimit, int testLimit, Owner owner) {
        this.executor = executor;
        this.source = source;
        this.trainLimit = trainLimit;
        this.testLimit = testLimit;
        this.owner = owner;
    }

    void load() {
        message.set("Loading MNIST…");
        executor.execute("load data", () -> {
            try {
                loaded.set(new Loaded.Ok(source.load()));
            } catch (DatasetException e) {
                loaded.set(new Loaded.Failed("Cannot load the digits. " + e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError e) {
                loaded.set(Loaded.crashed("Cannot load the digits", e));
            }
        });
    }

    /** FX thread: takes in the first dataset, or why it could not be loaded. */
    void drainLoad() {
        Loaded l = loaded.getAndSet(null);
        if (l instanceof Loaded.Ok ok) {
            use(ok.dataset());
            owner.loaded(true);
        } else if (l instanceof Loaded.Failed failed) {
            message.set(failed.message());
            owner.loaded(false);
        }
    }

    /** See {@link LabSession#switchData}. */
    void switchData(DataSource other, Consumer<Dataset> done, Consumer<String> failed) {
        switchDone = done;
        switchFailed = failed;
        executor.execute("load dataset", () -> {
            try {
                Dataset d = other.load();
                int size = d.test().imageSize();
                switched.set(size == LabSession.IMAGE_SIZE ? new Loaded.Ok(d)
                        : new Loaded.Failed(d.name() + ": the images are " + d.test().rows() + " × " + d.test().cols()
                                + " pixels; this window trains on " + LabSession.IMAGE_SIZE + "-pixel images (28 × 28)"));
            } catch (DatasetException e) {
                switched.set(new Loaded.Failed(e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError e) {
                switched.set(Loaded.crashed("cannot load the dataset", e));
            }
        });
    }

    /** FX thread: puts another dataset in use once it has loaded, or tells why it cannot be. */
    void drainSwitch() {
        Loaded s = switched.getAndSet(null);
        if (s instanceof Loaded.Ok ok) {
            owner.replacing();
            use(ok.dataset());
            owner.loaded(true);
            switchDone.accept(ok.dataset());
        } else if (s instanceof Loaded.Failed failed) {
            switchFailed.accept(failed.message());
        }
    }

    private void use(Dataset d) {
        data = d;
        grid = DigitGrid.shown(d.test());
        message.set(d.name() + ": " + used(d.train().count(), trainLimit) + " training and "
                + used(d.test().count(), testLimit) + " test images");
    }

    private static String used(int count, int limit) {
        return limit > 0 && limit < count ? String.format("%,d of %,d", limit, count) : String.format("%,d", count);
    }

    Dataset dataset() { return data; }

    DigitGrid grid() { return grid; }

    ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
