package aelab.app.model;

/**
 * The explainer's sections, each a short text and, where one tells the story, the target y to put on
 * the explainer's slider. Diagnostics link here ("why?").
 */
public enum Topic {
    GREY_PIXELS("Why BCE never reaches 0 on grey pixels", 0.5,
            "For one pixel with target y, BCE(p; y) = −[y ln p + (1 − y) ln(1 − p)]. Its slope, (p − y) / (p (1 − p)), "
            + "is zero at p = y, so the best prediction is the pixel itself, and there BCE equals "
            + "H(y) = −[y ln y + (1 − y) ln(1 − y)], the entropy of y.\n\n"
            + "H is 0 only when y is 0 or 1. A mid-grey pixel (y = 0.5) keeps BCE at ln 2 ≈ 0.693 even when the "
            + "network copies it exactly. MNIST digits have soft grey edges, so the mean of H over every test "
            + "pixel — the floor{floor} — is the lowest BCE any model can reach on them.\n\n"
            + "The squared error (p − y)² has its minimum at the same p = y, but there it is 0."),
    FINE_LOSS("Why BCE is still a fine loss", Double.NaN,
            "The floor does not depend on the model: it shifts the curve up without moving its lowest point, and "
            + "BCE − H(y) (the Kullback–Leibler divergence) is never negative and is 0 exactly at p = y. Lowering "
            + "BCE therefore pulls every output towards its pixel, as MSE does.\n\n"
            + "With a sigmoid output the gradient of BCE with respect to the pre-activation is simply p − y: it "
            + "stays large while an output is wrong, even where the sigmoid saturates, whereas MSE's gradient, "
            + "2 (p − y) p (1 − p), fades there.\n\n"
            + "To watch progress go to 0, tick \"BCE above the floor\" on the Training tab: it draws BCE − floor."),
    SOFTMAX("Softmax over pixels", 1.0,
            "Softmax makes the 784 outputs positive and sum to 1, as if the image were one choice among 784 "
            + "classes. A digit's pixels on the [0,1] scale sum to about 100, so the best softmax can do is "
            + "spread its total of 1 over the stroke: each output stays near 1/784 ≈ 0.0013 and the "
            + "reconstruction comes out black (choose \"stretched per image\" to see its shape).\n\n"
            + "For a white pixel (y = 1, set on the slider) a prediction of 0.0013 costs BCE ≈ 6.7, far up the "
            + "left end of the curve. A sigmoid output gives each pixel its own value in (0, 1)."),
    LINEAR_BCE("Linear output with BCE", 0.0,
            "BCE takes the logarithms of p and 1 − p, so it only has a meaning for p between 0 and 1; a linear "
            + "output can be any number. As Keras does, the loss clips p to [ε, 1 − ε] (ε = 10⁻⁷) first, and an "
            + "output beyond that range gets a gradient of 0: nothing pulls it back.\n\n"
            + "On a black pixel (y = 0, set on the slider) every p at or below ε already costs BCE ≈ 0, so the "
            + "background outputs drift below 0 unchecked, and the sum of the outputs can come out negative. A "
            + "sigmoid output keeps every p inside (0, 1); a linear output goes with MSE."),
    TARGETS_OUTSIDE("Targets outside [0,1] with BCE", 1.5,
            "BCE is made for targets between 0 and 1. With raw pixels (0 to 255) a white pixel has y = 255 and "
            + "BCE(p; 255) = −[255 ln p − 254 ln(1 − p)], which has no lowest point: it falls without bound as "
            + "p → 1. The loss can go negative and keep dropping while the reconstruction gets no better.\n\n"
            + "The slider goes past 1 to show it: from y = 1 on, the curve loses its minimum and its right end "
            + "dives. Scale the pixels to [0,1] (divide by 255)."),
    RAW_PIXELS("Raw 0–255 pixels", Double.NaN,
            "Pixels as stored run from 0 to 255. As inputs they make the first layer's sums 255 times larger "
            + "than on [0,1], so every change of its weights moves them 255 times as far: training is jumpier, "
            + "more ReLU units die, and a run can diverge.\n\n"
            + "As targets they ask for outputs up to 255. A sigmoid output never goes above 1 and a softmax "
            + "output sums to 1, so neither can match them whatever it learns; a linear one can, with errors "
            + "255 times larger (MSE 65,025 times). Dividing the pixels by 255 puts inputs and targets in [0,1], "
            + "where every output and loss here is made to work."),
    DIVERGED("Divergence", 1.5,
            "A run diverges when its loss stops being a finite number: a step was so large that an output "
            + "overflowed. The lab stops the run and puts back the last weights whose loss was finite.\n\n"
            + "The usual causes are raw 0–255 pixels (values 255 times larger, and with BCE a loss that can fall "
            + "forever, as with y above 1 here) or a learning rate too high for the optimizer. Scale the pixels "
            + "to [0,1] or lower the learning rate."),
    DEAD_RELU("ReLU units that never fire", Double.NaN,
            "A ReLU unit outputs max(0, z). If its weights push z below 0 for every input, it outputs 0 for every "
            + "digit and its gradient is 0 as well, so it never learns again: it is dead.\n\n"
            + "A few dead units are common; many shrink the network, and a dead unit in the 28-wide bottleneck is "
            + "one number of the code wasted. Large steps (a high learning rate, raw 0–255 inputs) kill more "
            + "units. The share is measured on the test digits after each epoch.");

    /** Where the grey-pixels text names the floor: replaced by {@link #text(double, String)}. */
    private static final String FLOOR = "{floor}";

    private final String title;
    private final double y;
    private final String text;

    Topic(String title, double y, String text) {
        this.title = title;
        this.y = y;
        this.text = text;
    }

    public String title() { return title; }

    /** The target that shows this topic on the explainer's slider; NaN when any will do. */
    public double y() { return y; }

    /** The text, with the floor said as "drawn dashed on the BCE chart" (the digits' own floor is not known). */
    public String text() { return text(Double.NaN, ""); }

    /**
     * The text, with the floor of the test images loaded now: "the floor, 0.05808 for the 10,000 test
     * images of MNIST, drawn dashed on the BCE chart"; NaN when none are loaded.
     */
    public String text(double floor, String images) {
        String said = Double.isNaN(floor) ? ", drawn dashed on the BCE chart"
                : ", " + Format.loss(floor) + " for " + images + ", drawn dashed on the BCE chart";
        return text.replace(FLOOR, said);
    }
}
