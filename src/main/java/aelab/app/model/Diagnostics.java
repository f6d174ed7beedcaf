package aelab.app.model;

import aelab.engine.Activation;
import aelab.engine.EpochInsights;
import aelab.engine.EpochMetrics;
import aelab.engine.Loss;
import aelab.engine.RunOutcome;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is wrong (or worth knowing) about a run, one plain sentence each, with the explainer topic
 * that says why: softmax over pixels (with the measured Σ of the outputs), targets outside [0,1] with
 * BCE, divergence, ReLU units that never fire, and how far test BCE is above its floor. Settings alone
 * already tell the first two, so the next run's settings are diagnosed too.
 */
public final class Diagnostics {
    /** A sentence; topic null when the explainer has nothing on it; warning false for plain information. */
    public record Diagnosis(String text, Topic topic, boolean warning) { }

    private Diagnostics() { }

    /** What the settings alone tell, before any training. */
    public static List<Diagnosis> ofSettings(TrainingConfig c) {
        return ofSettings(c, null, null);
    }

    private static List<Diagnosis> ofSettings(TrainingConfig c, EpochMetrics m, Double lastLoss) {
        List<Diagnosis> d = new ArrayList<>();
        if (c.output() == Activation.SOFTMAX) {
            String measured = m == null ? "" : String.format(Locale.ROOT, " (measured after epoch %d: %.2f)", m.epoch(),
                    m.outputSum());
            d.add(new Diagnosis("Softmax over pixels: the " + c.layers()[c.depth()] + " outputs always sum to 1"
                    + measured + ", while an MNIST digit's pixels sum to about 100. Use sigmoid.", Topic.SOFTMAX, true));
        }
        if (c.scale() == Scale.RAW && c.loss() == Loss.BCE) {
            String now = lastLoss != null && lastLoss < 0 ? " (the training loss is now " + Format.loss(lastLoss) + ")" : "";
            d.add(new Diagnosis("Targets outside [0,1] with BCE: raw pixels go up to 255, where BCE has no minimum and "
                    + "can fall below 0" + now + ". Scale the pixels to [0,1].", Topic.TARGETS_OUTSIDE, true));
        }
        List<String> covered = coveredWarnings(c);
        for (String w : c.warnings()) if (!covered.contains(w)) d.add(new Diagnosis(capitalised(w) + ".", null, true));
        return d;
    }

    /** The settings' warnings that the sentences above replace. */
    private static List<String> coveredWarnings(TrainingConfig c) {
        List<String> all = c.warnings(), covered = new ArrayList<>();
        if (c.output() == Activation.SOFTMAX) covered.add(all.get(0));
        if (c.scale() == Scale.RAW && c.loss() == Loss.BCE) covered.add(all.get(all.size() - 1));
        return covered;
    }

    /** Everything about a run so far: its settings with measured figures, how it ended, its insights. */
    public static List<Diagnosis> of(Run run) {
        TrainingConfig c = run.config();
        List<Diagnosis> d = ofSettings(c, run.lastEpoch(), run.lastBatch() == null ? null : run.lastBatch().loss());
        RunOutcome o = run.outcome();
        boolean diverged = o != null && o.status() == RunOutcome.Status.DIVERGED;
        if (diverged) d.add(new Diagnosis(capitalised(o.message()), Topic.DIVERGED, true));
        for (String w : run.warnings())
            if (!c.warnings().contains(w) && !(diverged && w.equals(o.message()))) d.add(new Diagnosis(capitalised(w), null, true));
        EpochInsights in = run.insights();
        if (in != null) {
            String dead = deadUnits(c, in.deadUnits());
            if (!dead.isEmpty()) d.add(new Diagnosis("ReLU units that never fire: " + dead + " gave 0 for every test "
                    + "digit after epoch " + in.epoch() + ".", Topic.DEAD_RELU, true));
        }
        EpochMetrics m = run.lastEpoch();
        if (m != null && run.info() != null) {
            double floor = run.info().bceFloor();
            d.add(new Diagnosis("Test BCE " + Format.loss(m.testBce()) + " is " + Format.loss(m.testBce() - floor)
                    + " above the floor of " + Format.loss(floor) + ": grey pixels keep BCE above 0.",
                    Topic.GREY_PIXELS, false));
        }
        return d;
    }

    /** "3 of 28 in hidden layer 3 (the bottleneck), 5 of 128 in hidden layer 1"; "" when none. */
    static String deadUnits(TrainingConfig c, double[] share) {
        int[] widths = c.layers();
        int bottleneck = 1;
        for (int l = 1; l < widths.length - 1; l++) if (widths[l] < widths[bottleneck]) bottleneck = l;
        List<String> parts = new ArrayList<>();
        for (int l = 0; l < share.length && l + 1 < widths.length - 1; l++) {
            int n = widths[l + 1], dead = (int) Math.round(share[l] * n);
            if (dead == 0) continue;
            parts.add(dead + " of " + n + " in hidden layer " + (l + 1) + (l + 1 == bottleneck ? " (the bottleneck)" : ""));
        }
        return String.join(", ", parts);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
