package aelab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The data layer is plain Java, so the engine, benchmarks and tests can use it without a display. */
class NoJavafxInDataTest {
    @Test
    void dataSourcesImportNothingFromJavafx() throws IOException {
        Path sources = Path.of("src/main/java/aelab/data");
        List<Path> files;
        try (Stream<Path> s = Files.list(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty(), "no sources found under " + sources.toAbsolutePath());
        for (Path file : files) {
            assertEquals(-1, Files.readString(file).indexOf("javafx"), file + " mentions javafx");
        }
    }
}
