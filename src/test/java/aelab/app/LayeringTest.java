package aelab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine knows nothing of the window, and the app's model knows no scene graph, so both test without one. */
class LayeringTest {
    private static List<Path> sources(String dir) throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src/main/java", dir))) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void theEngineImportsNothingFromJavafxOrTheApp() throws IOException {
        List<Path> files = sources("aelab/engine");
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String text = Files.readString(f);
            assertFalse(text.contains("import javafx"), f + " imports javafx");
            assertFalse(text.contains("import aelab.app"), f + " imports the app");
        }
    }

    @Test
    void theAppModelUsesNoSceneGraphAndNoCharts() throws IOException {
        List<Path> files = sources("aelab/app/model");
        assertTrue(files.size() > 5);
        for (Path f : files) {
            String text = Files.readString(f);
            assertFalse(text.contains("import javafx.scene"), f + " imports the scene graph");
            assertFalse(text.contains("import org.jfree"), f + " imports JFreeChart");
            assertFalse(java.util.regex.Pattern.compile("import aelab\\.app\\.(?!model\\.)").matcher(text).find(),
                    f + " imports a view");
        }
    }
}
