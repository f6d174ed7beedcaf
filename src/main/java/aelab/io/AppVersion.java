package aelab.io;

/**
 * The version of Autoencoder Lab, written into saved files so a reader can tell who made one.
 * Kept equal to the pom's version by a test (a jar built from the classpath has no other record of it).
 */
public final class AppVersion {
    public static final String VERSION = "0.1.0";

    private AppVersion() { }
}
