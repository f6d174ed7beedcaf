package aelab.app.model;

import aelab.engine.Activation;
import aelab.engine.EpochInsights;
import aelab.engine.EpochMetrics;
import aelab.engine.Loss;
import aelab.engine.ModelKind;
import aelab.engine.Noise;
import aelab.engine.RunOutcome;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is wrong (or worth knowing) about a run, one plain sentence each, with the explainer topic
 * that says why: softmax over pixels (with the measured Σ of the outputs), targets outside [0,1] with
 * BCE, raw pixels with another loss, a linear output with BCE (with the measured Σ), divergence, a
 * notable share of ReLU units that never fire, and how far test BCE is above its floor. Settings alone
 * already tell the first four, so the next run's settings are diagnosed too.
 */
public final class Diagnostics {
    /** A sentence; topic null when the explainer has nothing on it; warning false for plain information. */
    public record Diagnosis(String text, Topic topic, boolean warning) { }

    private Diagnostics() { }

    /** What the settings alone tell, before any training; MNIST's pixel sum where one is named. */
    public static List<Diagnosis> ofSettings(TrainingConfig c) {
        return ofSettings(c, null, null, MNIST_SUM);
    }

    /** The same for the images trained on, whose pixel sum is said as {@link #pixelSum} says it. */
    public static List<Diagnosis> ofSettings(TrainingConfig c, String pixelSum) {
        return ofSettings(c, null, null, pixelSum);
    }

    /** The story's phrase: an MNIST digit's 784 pixels on the [0,1] scale sum to 103.9 on average over the test set. */
    static final String MNIST_SUM = "an MNIST digit's pixels sum to about 100";

    /**
     * What the pixels of one image sum to on the [0,1] scale, in words, from the mean over the test images:
     * "an MNIST digit's pixels sum to about 104", "a Fashion-MNIST image's … about 225", "a test image's …".
     */
    public static String pixelSum(aelab.data.ClassNames names, double meanSum) {
        String whose = names == aelab.data.ClassNames.DIGITS ? "an MNIST digit's"
                : names.dataset().isEmpty() ? "a test image's" : "a " + names.dataset() + " image's";
        return whose + " pixels sum to about " + Math.round(meanSum);
    }

    private static List<Diagnosis> ofSettings(TrainingConfig c, EpochMetrics m, Double lastLoss, String pixelSum) {
        List<Diagnosis> d = new ArrayList<>();
        if (c.output() == Activation.SOFTMAX) {
            String measured = m == null ? "" : String.format(Locale.ROOT, " (measured after epoch %d: %.2f)", m.epoch(),
                    m.outputSum());
            d.add(new Diagnosis("Softmax over pixels: the " + c.layers()[c.depth()] + " outputs always sum to 1"
                    + measured + ", while " + pixelSum + ". Use sigmoid.", Topic.SOFTMAX, true));
        }
        if (c.output() == Activation.LINEAR && c.loss() == Loss.BCE) {
            String measured = m == null ? "" : String.format(Locale.ROOT, " (Σ of the %d outputs after epoch %d: %.1f)",
                    c.layers()[c.depth()], m.epoch(), m.outputSum());
            d.add(new Diagnosis("Linear output with BCE: the outputs can leave [0,1], where BCE has no meaning; it clips "
                    + "them, and an output beyond gets no gradient and stays there" + measured
                    + ". Use sigmoid, or MSE.", Topic.LINEAR_BCE, true));
        }
        if (c.scale() == Scale.RAW && c.loss() == Loss.BCE) {
            String now = lastLoss != null && lastLoss < 0 ? " (the training loss is now " + Format.loss(lastLoss) + ")" : "";
            d.add(new Diagnosis("Targets outside [0,1] with BCE: raw pixels go up to 255, where BCE has no minimum and "
                    + "can fall below 0" + now + ". Scale the pixels to [0,1].", Topic.TARGETS_OUTSIDE, true));
        }
        if (c.kind() == ModelKind.DENOISING && buries(c.noise()))
            d.add(new Diagnosis("Noise " + c.noise() + " buries the digits: the corrupted inputs are mostly noise, so there is "
                    + "little left to restore. Try gaussian:0.5 or masking:0.3.", null, true));
        if (c.scale() == Scale.RAW && c.loss() != Loss.BCE) {
            String never = c.output() == Activation.LINEAR ? ""
                    : "; a " + c.output() + " output stays " + (c.output() == Activation.SOFTMAX ? "summing to 1" : "below 1")
                    + " and can never match them";
            d.add(new Diagnosis("Raw pixels (0–255): inputs and targets are 255 times larger than on [0,1]" + never
                    + ". Scale the pixels to [0,1].", Topic.RAW_PIXELS, true));
        }
        List<String> covered = coveredWarnings(c);
        for (String w : c.warnings()) if (!covered.contains(w)) d.add(new Diagnosis(capitalised(w) + ".", null, true));
        return d;
    }

    /** The settings' warnings that the sentences above replace: softmax first, raw pixels last, linear + BCE between. */
    private static List<String> coveredWarnings(TrainingConfig c) {
        List<String> all = c.warnings(), covered = new ArrayList<>();
        if (c.output() == Activation.SOFTMAX) covered.add(all.get(0));
        if (c.output() == Activation.LINEAR && c.loss() == Loss.BCE) covered.add(all.get(0));
        if (c.scale() == Scale.RAW) covered.add(all.get(all.size() - 1));   // raw with BCE, or raw with another loss
        return covered;
    }

    /** Below this KL (nats per image, over the whole code) a VAE's code tells the decoder next to nothing. */
    static final double KL_COLLAPSED = 0.5;

    /** Gaussian σ from 1 up, or masking 80 % and more: the input is more noise than digit. */
    static boolean buries(Noise n) {
        return n.type() == Noise.Type.GAUSSIAN ? n.level() >= 1.0 : n.level() >= 0.8;
    }

    /** Dead units are worth a sentence from this share of a layer on; after a few epochs 10–25 % are common. */
    static final double DEAD_SHARE = 1 / 3.0;

    /** Everything about a run so far: its settings with measured figures, how it ended, its insights. */
    public static List<Diagnosis> of(Run run) { return of(run, MNIST_SUM); }

    /** The same, with the pixel sum of the images it trained on in words ({@link #pixelSum}). */
    public static List<Diagnosis> of(Run run, String pixelSum) {
        TrainingConfig c = run.config();
        List<Diagnosis> d = ofSettings(c, run.lastEpoch(), run.lastBatch() == null ? null : run.lastBatch().loss(), pixelSum);
        RunOutcome o = run.outcome();
        boolean diverged = o != null && o.status() == RunOutcome.Status.DIVERGED;
        if (diverged) d.add(new Diagnosis(capitalised(o.message()), Topic.DIVERGED, true));
        for (String w : run.warnings())
            if (!c.warnings().contains(w) && !(diverged && w.equals(o.message()))) d.add(new Diagnosis(capitalised(w), null, true));
        EpochMetrics last = run.lastEpoch();
        if (c.kind() == ModelKind.VAE && last != null && last.kind().testKl() < KL_COLLAPSED)
            d.add(new Diagnosis(String.format(Locale.ROOT, "The KL term has collapsed to %.2f nats per image: the codes are "
                    + "almost the prior N(0, I) whatever the digit, so the decoder ignores them and draws an average digit "
                    + "(posterior collapse). Lower β, or train longer.", last.kind().testKl()), null, true));
        EpochInsights in = run.insights();
        if (in != null) {
            String dead = deadUnits(c, in.deadUnits());
            if (!dead.isEmpty()) d.add(new Diagnosis("ReLU units that never fire: " + dead + " (on the test digits after "
                    + "epoch " + in.epoch() + ").", Topic.DEAD_RELU, true));
        }
        return d;
    }

    /**
     * How far the runs' test BCE is above their floor, in one sentence ("#2 0.04191, #3 0.04546" when there
     * are several); null before any has finished an epoch.
     */
    public static Diagnosis aboveFloor(List<Run> runs) {
        List<String> parts = new ArrayList<>();
        double floor = Double.NaN;
        for (Run r : runs) {
            EpochMetrics m = r.lastEpoch();
            if (m == null || r.info() == null) continue;
            floor = r.info().bceFloor();
            double above = m.testBce() - floor;
            parts.add(runs.size() == 1 ? "Test BCE " + Format.loss(m.testBce()) + " is " + Format.loss(above) + " above"
                    : "#" + r.id() + " " + Format.loss(above));
        }
        if (parts.isEmpty()) return null;
        String text = runs.size() == 1 ? parts.get(0) + " the floor of " + Format.loss(floor)
                : "Test BCE above the floor of " + Format.loss(floor) + ": " + String.join(", ", parts);
        return new Diagnosis(text + ". Grey pixels keep BCE itself above 0.", Topic.GREY_PIXELS, false);
    }

    /** "19 of the bottleneck's 28, 29 of layer 5's 128": hidden layers with at least DEAD_SHARE dead; "" when none. */
    static String deadUnits(TrainingConfig c, double[] share) {
        int[] widths = c.layers();
        int bottleneck = 1;
        for (int l = 1; l < widths.length - 1; l++) if (widths[l] < widths[bottleneck]) bottleneck = l;
        List<String> parts = new ArrayList<>();
        for (int l = 0; l < share.length && l + 1 < widths.length - 1; l++) {
            if (share[l] < DEAD_SHARE) continue;
            int n = widths[l + 1], dead = (int) Math.round(share[l] * n);
            parts.add(dead + " of " + (l + 1 == bottleneck ? "the bottleneck's " : "layer " + (l + 1) + "'s ") + n);
        }
        return String.join(", ", parts);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
