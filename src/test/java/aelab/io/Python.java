package aelab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .directory(Path.of(".").toAbsolutePath().toFile()).start();
        try {
            byte[] out = p.getInputStream().readAllBytes(); // ends when the process closes its output
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
