package aelab.engine;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SettingsTest {

    @Test
    void widthsWithAnEmptyOrNegativeWidthAreRefusedNotReadAsOthers() {
        assertArrayEquals(new int[]{784, 128, 784}, Settings.LAYERS.parse("784, 128 ,784"));
        assertArrayEquals(new int[]{784, 128, 784}, Settings.LAYERS.parse("784-128-784"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.LAYERS.parse("784,-5,784"));
        assertTrue(e.getMessage().contains("empty or negative width"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Settings.LAYERS.parse("784,,784"));
        assertThrows(IllegalArgumentException.class, () -> Settings.LAYERS.parse("784,128,"));
    }

    @Test
    void everyDefaultPassesItsOwnChecksAndTheDefaultsTrain() {
        for (Setting<?> s : Settings.ALL) assertEquals(java.util.Optional.empty(), checkDefault(s), s.name());
        assertEquals(List.of(), TrainingConfig.defaults().problems(784));
    }

    private static <T> java.util.Optional<String> checkDefault(Setting<T> s) { return s.check(s.defaultValue()); }

    @Test
    void namesFlagsAndKeysAreUnique() {
        Set<String> names = new HashSet<>(), flags = new HashSet<>(), keys = new HashSet<>(), python = new HashSet<>();
        for (Setting<?> s : Settings.ALL) {
            assertTrue(names.add(s.name()), s.name());
            assertTrue(flags.add(s.flag()), s.flag());
            assertTrue(keys.add(s.key()), s.key());
            assertTrue(python.add(s.pythonKey()), s.pythonKey());
            assertFalse(s.tooltip().isBlank(), s.name() + " has a tooltip");
        }
        assertEquals("batch_size", Settings.BATCH_SIZE.pythonKey());
    }

    @Test
    void theUnusualConfigDiffersInEverySetting() {
        TrainingConfig u = UnusualConfig.get(), d = TrainingConfig.defaults();
        assertEquals(List.of(), u.problems(784));
        for (Setting<?> s : Settings.ALL)
            assertNotEquals(s.text(d), s.text(u), s.name() + " is the default in UnusualConfig");
    }

    @Test
    void everyValueReadsBackFromItsText() {
        TrainingConfig u = UnusualConfig.get();
        for (Setting<?> s : Settings.ALL) assertEquals(u.get(s) instanceof int[] ? s.text(u) : u.get(s),
                reparsed(s, u), s.name());
    }

    private static <T> Object reparsed(Setting<T> s, TrainingConfig c) {
        T v = s.parse(s.format(s.get(c)));
        return v instanceof int[] ? s.format(v) : v;
    }

    @Test
    void withChangesOneSettingAndNothingElse() {
        TrainingConfig d = TrainingConfig.defaults(), u = UnusualConfig.get();
        for (Setting<?> s : Settings.ALL) {
            TrainingConfig one = copy(d, u, s);
            for (Setting<?> t : Settings.ALL) {
                TrainingConfig from = t == s ? u : d;
                assertEquals(t.text(from), t.text(one), s.name() + " changed " + t.name());
            }
        }
        assertEquals(u, TrainingConfig.read(s -> s.get(u)));
    }

    private static <T> TrainingConfig copy(TrainingConfig into, TrainingConfig from, Setting<T> s) {
        return into.with(s, s.get(from));
    }

    @Test
    void valuesOutOfRangeAreProblemsOfTheirSetting() {
        TrainingConfig bad = TrainingConfig.defaults().with(Settings.EPOCHS, 0).with(Settings.THREADS, 300)
                .with(Settings.OUTPUT, Activation.RELU).with(Settings.HIDDEN, Activation.SOFTMAX);
        List<Setting.Problem> p = bad.problems(784);
        assertEquals(List.of(Settings.OUTPUT, Settings.EPOCHS, Settings.HIDDEN, Settings.THREADS),
                p.stream().map(Setting.Problem::setting).toList());
        assertEquals("epochs: must be between 1 and 10000", p.get(1).toString());
        assertEquals("threads: must be between 0 (all cores) and 256", p.get(3).toString());
        assertEquals("hidden activation: softmax cannot be used between layers", p.get(2).toString());
        assertEquals("learning rate: must be greater than 0 and at most 10",
                TrainingConfig.defaults().with(Settings.LEARNING_RATE, 0.0).problems(784).get(0).toString());
        assertEquals("train limit: must be 0 (all images) or a positive count",
                TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, -1).problems(784).get(0).toString());
        assertEquals("layers: the last width must be the image size, 784",
                TrainingConfig.defaults().with(Settings.LAYERS, new int[]{784, 10}).problems(784).get(0).toString());
    }

    @Test
    void textThatDoesNotParseSaysWhatItShouldBe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.EPOCHS.parse("five"));
        assertEquals("'five' is not a whole number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Settings.LAYERS.parse("784,x,784"));
        assertEquals("'x' is not a whole number (write e.g. 784,128,64,28,64,128,784)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Settings.LOSS.parse("hinge"));
        assertEquals("'hinge' is not one of bce, mse, mae", e.getMessage());
        assertEquals(Activation.SIGMOID, Settings.OUTPUT.parse("SIGMOID"), "Java names read too");
        assertArrayEquals(new int[]{784, 32, 784}, Settings.LAYERS.parse("784-32 784"));
        assertEquals("sigmoid|linear|softmax", Settings.OUTPUT.paramLabel(), "only the allowed outputs are offered");
    }

    @Test
    void theDefaultsAreTheSeedsModelWithTheFix() {
        TrainingConfig d = TrainingConfig.defaults();
        assertEquals("sigmoid + bce, [0,1], adam lr 0.001, batch 100, 5 epochs, layers 784-128-64-28-64-128-784, seed 42",
                d.describe());
        assertEquals(OptimizerKind.ADAM.defaultLearningRate(), d.learningRate());
        assertEquals(0, d.trainLimit() + d.testLimit() + d.threads());
    }
}
