package aelab.io;

import aelab.testing.ChildProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds and runs a Python 3 for the export tests; the tests are skipped, not failed, where there is none. */
final class Python {
    /**
     * $AELAB_PYTHON first (e.g. a virtual environment with Keras), then python3, then the system's: a
     * user's python3 may be a virtual environment without the system's packages such as python3-torch.
     */
    static final List<String> CANDIDATES = candidates();

    private static List<String> candidates() {
        List<String> c = new ArrayList<>();
        String chosen = System.getenv("AELAB_PYTHON");
        if (chosen != null && !chosen.isBlank()) c.add(chosen);
        c.addAll(List.of("python3", "/usr/bin/python3"));
        return List.copyOf(c);
    }

    record Result(int exit, String output) { }

    private Python() { }

    /** The first Python 3 that can run {@code code}, e.g. "import torch". */
    static Optional<String> thatCan(String code) {
        for (String python : CANDIDATES) {
            try {
                if (run(List.of(python, "-c", code), 60).exit() == 0) return Optional.of(python);
            } catch (IOException e) {
                // not installed under this name
            }
        }
        return Optional.empty();
    }

    static Result run(List<String> command, long timeoutSeconds) throws IOException {
        try {
            ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(new ArrayList<>(command))
                    .directory(Path.of(".").toAbsolutePath().toFile()), Duration.ofSeconds(timeoutSeconds));
            if (!r.finished())
                throw new IOException(command + " did not finish in " + timeoutSeconds + " s; it wrote:\n" + r.output());
            return new Result(r.exit(), r.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
