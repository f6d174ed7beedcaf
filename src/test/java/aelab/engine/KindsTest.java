package aelab.engine;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Whole runs of each kind of autoencoder on a slice of the real MNIST, and the kinds' definitions. */
class KindsTest {
    static Dataset mnist;

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    static TrainingConfig small(ModelKind kind) {
        return TrainerTest.small().with(Settings.KIND, kind).withThreads(2);
    }

    static TrainerTest.Recorder run(TrainingConfig c) {
        TrainerTest.Recorder r = new TrainerTest.Recorder();
        RunOutcome o = new Trainer(c, mnist, r).run();
        assertEquals(RunOutcome.Status.FINISHED, o.status(), o.message());
        return r;
    }

    @Test
    void everyKindLearnsAndReportsItsOwnFiguresOnly() {
        for (ModelKind kind : ModelKind.values()) {
            TrainerTest.Recorder r = run(small(kind).with(Settings.EPOCHS, 3));
            double first = r.meanLoss(0, 5), last = r.meanLoss(55, 60);
            assertTrue(last < 0.8 * first, kind + ": the loss went from " + first + " to " + last);
            KindFigures f = r.epochs.get(2).kind();
            assertEquals(kind == ModelKind.DENOISING, !Double.isNaN(f.noisyTestBce()), kind + " noisy figures");
            assertEquals(kind == ModelKind.DENOISING, !Double.isNaN(f.noisyTestMse()), kind + " noisy figures");
            assertEquals(kind == ModelKind.SPARSE, !Double.isNaN(f.codeL1()), kind + " code figures");
            assertEquals(kind == ModelKind.SPARSE, !Double.isNaN(f.codeZeroFraction()), kind + " code figures");
            assertEquals(kind == ModelKind.VAE, !Double.isNaN(f.testKl()), kind + " KL");
            assertEquals(kind == ModelKind.VAE, !Double.isNaN(f.testRecon()), kind + " reconstruction term");
        }
    }

    @Test
    void aVaesTestLossIsItsReconstructionPlusBetaKlInNatsPerImage() {
        TrainingConfig c = small(ModelKind.VAE).with(Settings.BETA, 0.5);
        EpochMetrics m = run(c).epochs.get(1);
        KindFigures f = m.kind();
        assertEquals(f.testRecon() + 0.5 * f.testKl(), m.testLoss(), 1e-9 * m.testLoss());
        assertTrue(f.testKl() > 0, "KL of N(μ, σ²) from N(0, I) is positive unless the code is the prior: " + f.testKl());
        // per image: 784 pixels of BCE each near 0.2–0.3 nats early on
        assertTrue(f.testRecon() > 784 * 0.058 && f.testRecon() < 784 * 0.7, "recon per image " + f.testRecon());
        // the per-pixel BCE (of μ's reconstruction) is on the same scale as the other kinds'
        assertTrue(m.testBce() > 0.05 && m.testBce() < 0.7, "per-pixel BCE " + m.testBce());
    }

    @Test
    void aVaesBatchCurveIsItsPerPixelReconstructionTerm() {
        TrainerTest.Recorder r = run(small(ModelKind.VAE).with(Settings.EPOCHS, 1));
        for (BatchPoint p : r.batches) {
            assertTrue(p.loss() > 784 * p.bce(), "loss per image (recon + KL) above 784 × per-pixel recon at step " + p.step());
            assertTrue(p.bce() < 1.0, "per-pixel BCE " + p.bce());
        }
    }

    @Test
    void aSparseRunsPenaltyMakesItsCodeSparserThanAPlainOnes() {
        EpochMetrics plain = run(small(ModelKind.SPARSE).with(Settings.L1, 0.0)).epochs.get(1);
        EpochMetrics sparse = run(small(ModelKind.SPARSE).with(Settings.L1, 0.01)).epochs.get(1);
        assertTrue(sparse.kind().codeL1() < 0.7 * plain.kind().codeL1(),
                "Σ|code| " + sparse.kind().codeL1() + " against " + plain.kind().codeL1() + " without the penalty");
        assertTrue(sparse.kind().codeZeroFraction() >= plain.kind().codeZeroFraction());
        // with λ = 0 the penalty is gone: the trained loss is the plain loss
        assertEquals(plain.testLoss(), plain.testBce(), 1e-8 * plain.testBce());
        assertTrue(sparse.testLoss() > sparse.testBce(), "the penalty is part of the trained loss");
    }

    @Test
    void gaussianNoiseIsClippedToTheUnitRangeAndMaskingZeroesAboutQOfThePixels() {
        int d = 784, rows = 50;
        float[] clean = new float[rows * d], noisy = new float[rows * d];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < clean.length; i++) clean[i] = (float) r.nextDouble();
        long[] keys = new long[rows];
        for (int i = 0; i < rows; i++) keys[i] = RowKeys.of(42, RowKeys.NOISE, 1, i);
        Corruption.apply(new Noise(Noise.Type.GAUSSIAN, 0.5), clean, noisy, rows, d, 1f, keys);
        double sum = 0, sum2 = 0;
        int clipped = 0;
        for (int i = 0; i < clean.length; i++) {
            assertTrue(noisy[i] >= 0f && noisy[i] <= 1f);
            if (noisy[i] == 0f || noisy[i] == 1f) clipped++;
            else {
                double e = noisy[i] - clean[i];
                sum += e;
                sum2 += e * e;
            }
        }
        assertTrue(clipped > clean.length / 5, "σ = 0.5 pushes many pixels past 0 or 1: " + clipped);
        assertTrue(sum2 / (clean.length - clipped) > 0.05, "the noise is there: " + sum2);
        Corruption.apply(new Noise(Noise.Type.MASKING, 0.3), clean, noisy, rows, d, 1f, keys);
        int zeroed = 0;
        for (int i = 0; i < clean.length; i++) {
            if (noisy[i] == 0f) zeroed++;
            else assertEquals(clean[i], noisy[i], 0f, "kept pixels are untouched");
        }
        assertEquals(0.3, (double) zeroed / clean.length, 0.01);
    }

    @Test
    void eachStepDrawsNewNoiseAndTheTestNoiseIsFixed() {
        long a = RowKeys.of(42, RowKeys.NOISE, 1, 0), b = RowKeys.of(42, RowKeys.NOISE, 2, 0), b2 = RowKeys.of(42, RowKeys.NOISE, 1, 1);
        assertNotEquals(a, b);
        assertNotEquals(a, b2);
        assertNotEquals(RowKeys.of(42, RowKeys.NOISE, 1, 0), RowKeys.of(42, RowKeys.EPSILON, 1, 0), "noise and ε streams differ");
        float[] once = Corruption.testInput(Noise.DEFAULT, mnist.test().pixels(), 7, 784);
        float[] again = Corruption.testInput(Noise.DEFAULT, mnist.test().pixels(), 7, 784);
        assertArrayEquals(once, again);
        // and the denoising run's noisy test figures are the same from one evaluation to the next
        TrainingConfig c = small(ModelKind.DENOISING).with(Settings.EPOCHS, 1);
        Trainer t = new Trainer(c, mnist, new TrainerTest.Recorder());
        t.run();
        Evaluation e1 = Evaluator.evaluate(t.model(), c, mnist), e2 = Evaluator.evaluate(t.model(), c, mnist);
        assertEquals(e1.kind().noisyTestBce(), e2.kind().noisyTestBce(), 0.0);
        assertTrue(e1.kind().noisyTestBce() != e1.bce(), "the noisy inputs are not the clean ones");
    }

    @Test
    void aDenoisingRunCleansNoisyInputsBetterThanAPlainRunDoes() {
        // trained on half-masked inputs against clean targets, it restores half-masked test digits better
        // than the same network trained plain; both are scored on the same fixed noisy test inputs
        Noise half = new Noise(Noise.Type.MASKING, 0.5);
        TrainingConfig denoising = small(ModelKind.DENOISING).with(Settings.NOISE, half).with(Settings.EPOCHS, 3);
        TrainingConfig plain = denoising.with(Settings.KIND, ModelKind.PLAIN);
        double denoised = run(denoising).epochs.get(2).kind().noisyTestBce();
        Trainer t = new Trainer(plain, mnist, new TrainerTest.Recorder());
        t.run();
        Autoencoder asDenoising = new Autoencoder(plain.layers(), plain.hidden(), plain.output(), ModelKind.DENOISING);
        asDenoising.copyFrom(t.model());
        double plainOnNoisy = Evaluator.evaluate(asDenoising, denoising, mnist).kind().noisyTestBce();
        assertTrue(denoised < 0.95 * plainOnNoisy, "noisy test BCE " + denoised + " against the plain run's " + plainOnNoisy);
    }

    @Test
    void resumingAVaeOrADenoisingRunGivesTheSameCurveAsNeverStopping() {
        for (ModelKind kind : new ModelKind[]{ModelKind.VAE, ModelKind.DENOISING}) {
            TrainingConfig c = small(kind);
            TrainerTest.Recorder whole = run(c);
            Trainer[] t = new Trainer[1];
            TrainerTest.Recorder first = new TrainerTest.Recorder() {
                @Override public void batch(BatchPoint p) {
                    super.batch(p);
                    if (p.step() == 27) t[0].stop();
                }
            };
            t[0] = new Trainer(c, mnist, first);
            t[0].run();
            TrainerTest.Recorder rest = new TrainerTest.Recorder();
            new Trainer(c, mnist, rest, t[0].checkpoint()).run();
            for (int i = 0; i < rest.batches.size(); i++)
                assertEquals(whole.batches.get(27 + i).loss(), rest.batches.get(i).loss(), 0.0, kind + " step " + (28 + i));
            assertEquals(whole.epochs.get(1).testLoss(), rest.epochs.get(0).testLoss(), 0.0, kind + " test loss");
        }
    }

    @Test
    void aVaeSharesThePlainModelsFirstWeightsAndAddsItsLogVarianceHead() {
        TrainingConfig plain = TrainingConfig.defaults(), vae = plain.with(Settings.KIND, ModelKind.VAE);
        Autoencoder p = Autoencoder.of(plain), v = Autoencoder.of(vae);
        assertEquals(p.params().length + 2, v.params().length);
        for (int k = 0; k < p.params().length; k++) assertArrayEquals(p.params()[k], v.params()[k], "array " + k);
        assertEquals("W_logvar", Autoencoder.paramName(vae.layers(), ModelKind.VAE, 12));
        assertArrayEquals(new int[]{64, 28}, Autoencoder.paramShape(vae.layers(), ModelKind.VAE, 12));
        assertArrayEquals(new int[]{28}, Autoencoder.paramShape(vae.layers(), ModelKind.VAE, 13));
    }

    @Test
    void kindsThatNeedACodeOrSigmoidBceSayWhy() {
        TrainingConfig noHidden = TrainingConfig.defaults().with(Settings.LAYERS, new int[]{784, 784});
        assertTrue(Setting.Problem.join(noHidden.with(Settings.KIND, ModelKind.VAE).problems(784)).contains("needs a hidden layer"));
        assertTrue(Setting.Problem.join(noHidden.with(Settings.KIND, ModelKind.SPARSE).problems(784)).contains("needs a hidden layer"));
        assertEquals(java.util.List.of(), noHidden.with(Settings.KIND, ModelKind.DENOISING).problems(784));
        TrainingConfig softmaxVae = TrainingConfig.defaults().with(Settings.KIND, ModelKind.VAE).with(Settings.OUTPUT, Activation.SOFTMAX);
        assertTrue(Setting.Problem.join(softmaxVae.problems(784)).contains("use sigmoid output, BCE and pixels on [0,1]"));
    }

    @Test
    void noiseReadsAsTypedAndRefusesNonsenseInOneLine() {
        assertEquals(new Noise(Noise.Type.GAUSSIAN, 0.5), Noise.parse("gaussian:0.5"));
        assertEquals(new Noise(Noise.Type.MASKING, 0.3), Noise.parse(" Masking : 0.3 "));
        assertEquals("masking:0.3", Noise.parse("masking:0.30").toString());
        for (String bad : new String[]{"gaussian", "gaussian:", "salt:0.1", "masking:1", "masking:-0.1", "gaussian:x", "gaussian:0", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Noise.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("gaussian") || e.getMessage().contains("masking"), e.getMessage());
        }
    }
}
