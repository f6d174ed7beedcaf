package aelab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine, the data layer, file formats and the command line are plain Java: they import nothing
 * from JavaFX (or the UI package), so they run headless and can be tested without a display.
 */
class ArchitectureTest {
    static final List<String> HEADLESS = List.of("engine", "data", "cli", "io");

    @Test
    void headlessPackagesImportNothingFromJavafxOrTheApp() throws IOException {
        int checked = 0;
        for (String pkg : HEADLESS) {
            Path root = Path.of("src/main/java/aelab", pkg);
            if (!Files.isDirectory(root)) continue;
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path f : files) {
                String text = Files.readString(f);
                assertFalse(text.contains("javafx."), f + " uses JavaFX");
                assertFalse(text.contains("import aelab.app"), f + " imports the UI package");
                checked++;
            }
        }
        assertTrue(checked > 10, "found only " + checked + " sources: is the working directory the project root?");
    }
}
