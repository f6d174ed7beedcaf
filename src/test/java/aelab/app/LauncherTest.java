package aelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LauncherTest {
    private final String before = System.getProperty("prism.order");

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty("prism.order");
        else System.setProperty("prism.order", before);
    }

    @Test
    void softwareRenderingWhenNothingWasChosen() {
        System.clearProperty("prism.order");
        Launcher.preferSoftwareRendering();
        assertEquals("sw", System.getProperty("prism.order"));
    }

    @Test
    void aRenderingChosenByTheUserIsKept() {
        System.setProperty("prism.order", "es2,sw");
        Launcher.preferSoftwareRendering();
        assertEquals("es2,sw", System.getProperty("prism.order"));
    }
}
