package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private static Path p(String s) { return Path.of("/experiments", s); }

    @Test
    void theNewestFileComesFirst() {
        RecentFiles r = new RecentFiles();
        r.add(p("a.aelab"));
        r.add(p("b.aelab"));
        r.add(p("c.aelab"));
        assertEquals(List.of(p("c.aelab"), p("b.aelab"), p("a.aelab")), r.files());
    }

    @Test
    void aFileOpenedAgainMovesToTheFrontInsteadOfAppearingTwice() {
        RecentFiles r = new RecentFiles();
        r.add(p("a.aelab"));
        r.add(p("b.aelab"));
        r.add(Path.of("/experiments/old/../a.aelab"));   // the same file, spelled another way
        assertEquals(List.of(p("a.aelab"), p("b.aelab")), r.files());
    }

    @Test
    void onlyTheLastEightAreKept() {
        RecentFiles r = new RecentFiles();
        List<Path> added = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            added.add(0, p(i + ".aelab"));
            r.add(p(i + ".aelab"));
        }
        assertEquals(RecentFiles.LIMIT, r.files().size());
        assertEquals(added.subList(0, 8), r.files());   // 11 … 4: the three oldest fell off
    }

    @Test
    void relativePathsAreMadeAbsoluteSoTheyStillWorkFromAnotherFolder() {
        RecentFiles r = new RecentFiles();
        r.add(Path.of("runs.aelab"));
        assertEquals(Path.of("runs.aelab").toAbsolutePath().normalize(), r.files().get(0));
    }

    @Test
    void removeAndClearForgetFiles() {
        RecentFiles r = new RecentFiles();
        r.add(p("a.aelab"));
        r.add(p("b.aelab"));
        r.remove(p("a.aelab"));
        assertEquals(List.of(p("b.aelab")), r.files());
        r.clear();
        assertEquals(List.of(), r.files());
    }
}
