package aelab.io;

import aelab.engine.Activation;
import aelab.engine.Autoencoder;
import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.KindFigures;
import aelab.engine.Loss;
import aelab.engine.ModelKind;
import aelab.engine.Noise;
import aelab.engine.Optimizer;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The experiment file carries a run's kind, its parameters, a VAE's extra head and the kinds' figures. */
class KindFileTest {
    @TempDir
    Path dir;

    static SavedRun run(TrainingConfig c, KindFigures figures) {
        Autoencoder m = Autoencoder.of(c);
        Optimizer o = c.optimizer().create(m.paramSizes(), c.learningRate());
        float[][] s = o.state();
        for (int k = 0; k < s.length; k++) for (int i = 0; i < s[k].length; i++) s[k][i] = k + i / 7f;
        o.setSteps(3);
        return new SavedRun(c, new Checkpoint(m, o, 1, 0, 0, 3), 0.0795, List.of(),
                List.of(new EpochMetrics(1, 0.69, 0.68, 0.67, 0.05, 2.25, 0.125, figures)), c.kind() + " run");
    }

    static TrainingConfig tiny(ModelKind kind) {
        return new TrainingConfig(new int[]{4, 3, 2, 3, 4}, Activation.TANH, Activation.SIGMOID, Loss.BCE, Scale.UNIT,
                3, 2, 0.001, OptimizerKind.ADAM, 9, 6, 4, 1, kind, new Noise(Noise.Type.MASKING, 0.25), 0.003, 0.75);
    }

    @Test
    void everyKindWithItsParametersHeadsAndFiguresSurvivesARoundTrip() throws Exception {
        List<SavedRun> runs = List.of(
                run(tiny(ModelKind.VAE), new KindFigures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 101.5, 3.25)),
                run(tiny(ModelKind.DENOISING), new KindFigures(0.125, 0.03125, Double.NaN, Double.NaN, Double.NaN, Double.NaN)),
                run(tiny(ModelKind.SPARSE), new KindFigures(Double.NaN, Double.NaN, 4.5, 0.375, Double.NaN, Double.NaN)));
        Experiment e = new Experiment("MNIST (bundled)", TinyRuns.CREATED, runs);
        Path f = dir.resolve("kinds.aelab");
        ExperimentFile.write(f, e);
        Experiment back = ExperimentFile.read(f);
        for (int i = 0; i < runs.size(); i++) {
            SavedRun want = runs.get(i), got = back.runs().get(i);
            assertEquals(want.config(), got.config());
            assertEquals(want.epochs(), got.epochs());
            float[][] a = want.checkpoint().model().params(), b = got.checkpoint().model().params();
            assertEquals(a.length, b.length);
            for (int k = 0; k < a.length; k++) assertArrayEquals(a[k], b[k]);
            float[][] sa = want.checkpoint().optimizer().state(), sb = got.checkpoint().optimizer().state();
            for (int k = 0; k < sa.length; k++) assertArrayEquals(sa[k], sb[k]);
        }
        Map<String, byte[]> entries = Zips.entries(f);
        assertTrue(entries.containsKey("runs/0/W_logvar.npy"), entries.keySet().toString());
        assertTrue(entries.containsKey("runs/0/optimizer/v_b_logvar.npy"), entries.keySet().toString());
        String json = new String(entries.get("experiment.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"kind\": \"vae\"") && json.contains("\"noise\": \"masking:0.25\""), json);
    }

    @Test
    void aFileWrittenBeforeTheKindsOpensAsPlainRuns() throws Exception {
        Path f = dir.resolve("new.aelab"), old = dir.resolve("old.aelab");
        Experiment e = TinyRuns.experiment(OptimizerKind.ADAM);
        ExperimentFile.write(f, e);
        Map<String, byte[]> entries = new LinkedHashMap<>(Zips.entries(f));
        String json = new String(entries.get("experiment.json"), StandardCharsets.UTF_8);
        String without = json.replaceAll(",\\s*\"kind\": \"plain\"", "").replaceAll(",\\s*\"noise\": \"[^\"]*\"", "")
                .replaceAll(",\\s*\"l1\": [0-9.eE-]+", "").replaceAll(",\\s*\"beta\": [0-9.eE-]+", "");
        assertFalse(without.contains("\"kind\"") || without.contains("\"beta\""), without);
        entries.put("experiment.json", without.getBytes(StandardCharsets.UTF_8));
        Zips.write(old, entries);
        Experiment back = ExperimentFile.read(old);
        assertEquals(ModelKind.PLAIN, back.runs().get(0).config().kind());
        TinyRuns.assertSame(e, back);
    }

    @Test
    void aNoiseThatDoesNotParseIsNamedWithItsPlaceInTheFile() throws Exception {
        Path f = dir.resolve("k.aelab"), bad = dir.resolve("bad.aelab");
        ExperimentFile.write(f, new Experiment("MNIST (bundled)", TinyRuns.CREATED, List.of(run(tiny(ModelKind.DENOISING), KindFigures.NONE))));
        Map<String, byte[]> entries = new LinkedHashMap<>(Zips.entries(f));
        String json = new String(entries.get("experiment.json"), StandardCharsets.UTF_8).replace("masking:0.25", "salt:1");
        entries.put("experiment.json", json.getBytes(StandardCharsets.UTF_8));
        Zips.write(bad, entries);
        ExperimentFileException x = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(bad));
        assertTrue(x.getMessage().contains("noise") && x.getMessage().contains("salt:1"), x.getMessage());
    }

    @Test
    void aVaesWeightsExportUnderTheNamesOfItsPyTorchModule() {
        Autoencoder m = Autoencoder.of(TrainingConfig.defaults().with(Settings.KIND, ModelKind.VAE));
        List<String> names = WeightsExport.tensors(m).stream().map(WeightsExport.Tensor::name).toList();
        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias", "mu.weight", "mu.bias",
                "logvar.weight", "logvar.bias", "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias",
                "decoder.4.weight", "decoder.4.bias"), names);
        assertArrayEquals(new int[]{28, 64}, WeightsExport.tensors(m).get(6).shape());
    }
}
