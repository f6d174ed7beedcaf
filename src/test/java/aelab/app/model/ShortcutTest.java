package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShortcutTest {
    @Test
    void keysReadAsOnTheKeyboard() {
        assertEquals("Ctrl+Shift+.", Shortcut.STEP_EPOCH.keys(false));
        assertEquals("⌘+↵", Shortcut.START.keys(true));
        assertEquals("Ctrl+Shift+↵", Shortcut.STOP.keys(false), "as the menu shows it");
        assertEquals("F1", Shortcut.GUIDE.keys(false));
    }

    @Test
    void noTwoShortcutsShareKeysAndOnlyTheDigitsOnesHaveNoMenuItem() {
        Set<String> seen = new HashSet<>();
        for (Shortcut s : Shortcut.values()) {
            assertTrue(seen.add(s.keys(false)), s + " repeats " + s.keys(false));
            if (s.menu().equals("Digits")) assertNull(s.accelerator(), s.name());
            else assertEquals(s.keys(false).replace("Ctrl", "Shortcut").replace(".", "Period").replace("↵", "Enter"),
                    s.accelerator(), s.name());
        }
    }

    @Test
    void aTipEndsWithItsKeys() {
        assertTrue(Shortcut.PAUSE.tip("Pause the run").matches("Pause the run \\((Ctrl|⌘)\\+P\\)"), Shortcut.PAUSE.tip("Pause the run"));
    }
}
