package aelab.app.session;

import aelab.data.Dataset;

/** What a load off the FX thread came back with: a dataset to use, or the one-line reason it cannot be used. */
public sealed interface Loaded permits Loaded.Ok, Loaded.Failed {
    record Ok(Dataset dataset) implements Loaded { }

    record Failed(String message) implements Loaded { }

    /** The reason an unexpected exception gives, after the prefix ("Cannot load the digits"). */
    static Failed crashed(String prefix, Throwable e) {
        return new Failed(prefix + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
}
