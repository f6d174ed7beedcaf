package aelab.app.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The experiments opened or saved last, newest first: one entry per file however it was spelled
 * (paths are made absolute and normalised), at most {@link #LIMIT}.
 */
public final class RecentFiles {
    public static final int LIMIT = 8;

    private final List<Path> files = new ArrayList<>();

    /** Puts the file first, removing an earlier entry for it and the oldest entry beyond the limit. */
    public void add(Path file) {
        Path p = canonical(file);
        files.remove(p);
        files.add(0, p);
        while (files.size() > LIMIT) files.remove(files.size() - 1);
    }

    public void remove(Path file) { files.remove(canonical(file)); }

    public void clear() { files.clear(); }

    public List<Path> files() { return Collections.unmodifiableList(files); }

    private static Path canonical(Path p) { return p.toAbsolutePath().normalize(); }
}
