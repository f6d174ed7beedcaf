package aelab.app.session;

import aelab.data.Dataset;
import aelab.engine.PcaBaseline;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The charts' PCA baseline: computed in the background once per dataset and code width, taken in once a frame. */
class PcaBaselinesTest {
    @Test
    void theBaselineFollowsTheCodeWidthAndIsComputedOncePerWidth() throws Exception {
        Dataset mnist = Dataset.loadBundledMnist();
        List<Runnable> queued = new ArrayList<>();
        PcaBaselines b = new PcaBaselines((name, task) -> queued.add(task));
        TrainingConfig c28 = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 2000).with(Settings.TEST_LIMIT, 300);
        TrainingConfig c8 = c28.with(Settings.LAYERS, new int[]{784, 64, 8, 64, 784});
        b.follow(mnist, c28);
        assertNull(b.current().get(), "nothing before the background work is done");
        assertEquals(1, queued.size());
        b.follow(mnist, c28);
        assertEquals(1, queued.size(), "asked again: no second task");
        queued.remove(0).run();
        b.drain();
        PcaBaseline.Figures f28 = b.current().get();
        assertEquals(28, f28.components());
        assertEquals(PcaBaseline.of(c28.withThreads(1), mnist).mse(), f28.mse(), 1e-9, "the engine's own figures");
        b.follow(mnist, c8);
        assertNull(b.current().get(), "a new width: the old line goes");
        queued.remove(0).run();
        b.drain();
        assertEquals(8, b.current().get().components());
        assertTrue(b.current().get().mse() > f28.mse(), "8 numbers explain less than 28");
        b.follow(mnist, c28);
        assertSame(f28, b.current().get(), "a width already known comes back at once");
        assertTrue(queued.isEmpty());
        b.follow(mnist, null);
        assertSame(f28, b.current().get(), "settings being typed keep the last line");
    }
}
