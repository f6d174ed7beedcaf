package aelab.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What the labels of a dataset mean, for the words under its images: "digit 7" for MNIST, "Sneaker"
 * for Fashion-MNIST, "class 7" for a dataset not known. A dataset is known by its test labels, not by
 * its folder's name: the SHA-256 of the 10,000 label bytes of each standard test set (after the IDX
 * header, as the files in {@code assets/mnist} and Fashion-MNIST's {@code t10k-labels-idx1-ubyte.gz} hold them).
 */
public final class ClassNames {
    /** Fashion-MNIST's ten classes, in label order (Xiao, Rasul & Vollgraf 2017). */
    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final String MNIST_TEST_LABELS = "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5";
    static final String FASHION_TEST_LABELS = "3d0e6c6ea990b53b6f8f500a41cac93881d981b315f84578b7d915342ade01e9";

    /** Labels are said as "class 7". */
    public static final ClassNames UNKNOWN = new ClassNames("", null);
    /** Labels are digits: "digit 7". */
    public static final ClassNames DIGITS = new ClassNames("MNIST", null);
    /** Labels are Fashion-MNIST's articles of clothing: "Sneaker". */
    public static final ClassNames FASHION_MNIST = new ClassNames("Fashion-MNIST", FASHION);

    private final String dataset;
    private final List<String> names;   // null: a number with a noun

    private ClassNames(String dataset, List<String> names) {
        this.dataset = dataset;
        this.names = names;
    }

    /** The names for a dataset, known by its test labels; {@link #UNKNOWN} when they are not a known set. */
    public static ClassNames of(ImageSet test) {
        String sum = sha256(test.labels());
        if (sum.equals(MNIST_TEST_LABELS)) return DIGITS;
        if (sum.equals(FASHION_TEST_LABELS)) return FASHION_MNIST;
        return UNKNOWN;
    }

    /** The label in words, as it reads inside a sentence: "digit 7", "Sneaker", "class 7". */
    public String name(int label) {
        if (names != null) return label >= 0 && label < names.size() ? names.get(label) : "class " + label;
        return (this == DIGITS ? "digit " : "class ") + label;
    }

    /** The same at the start of a sentence: "Digit 7", "Sneaker", "Class 7". */
    public String title(int label) {
        String n = name(label);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The known dataset's name ("MNIST", "Fashion-MNIST"), "" when not known. */
    public String dataset() { return dataset; }

    /** What one image is, in the plural: "digits", "images". */
    public String items() { return this == DIGITS ? "digits" : "images"; }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {   // every Java has SHA-256
            throw new IllegalStateException(e);
        }
    }

    @Override public String toString() { return dataset.isEmpty() ? "unknown classes" : dataset + " classes"; }
}
