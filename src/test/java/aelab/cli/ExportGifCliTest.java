package aelab.cli;

import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.SavedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import static org.junit.jupiter.api.Assertions.*;

/** export-gif end to end, through the same entry point as the jar, with files it trained itself. */
class ExportGifCliTest {
    @TempDir
    Path dir;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    Path trained(String name) {
        Path f = dir.resolve(name);
        assertEquals(0, run(ExperimentCliTest.with(new String[]{"train"}, ExperimentCliTest.with(ExperimentCliTest.SMALL,
                "--save", f.toString()))), err());
        return f;
    }

    void assertOneLineError(String expected) {
        String e = err().trim();
        assertEquals(1, e.lines().count(), e);
        assertEquals("error: " + expected, e);
        assertEquals("", out());
    }

    static int frames(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void exportGifWritesAFramePerSnapshotBesideTheFileAndSaysSoInOneLine() throws Exception {
        Path f = trained("run.aelab");
        int snapshots = ExperimentFile.read(f).runs().get(0).timeline().size();
        assertEquals(0, run("export-gif", f.toString()), err());
        Path gif = dir.resolve("run.gif");
        Matcher m = Pattern.compile("wrote (\\d+) frames \\(steps 0 to 20\\) to " + Pattern.quote(gif.toString()) + ", (\\d+) KB\n")
                .matcher(out());
        assertTrue(m.matches(), out());
        assertEquals(snapshots, Integer.parseInt(m.group(1)));
        assertEquals(snapshots, frames(gif), "one frame per snapshot (2 epochs of 10 batches: 0…8, 10, 12, 14, 17, 20)");
        assertEquals(Math.round(Files.size(gif) / 1024.0), Long.parseLong(m.group(2)));
        assertEquals("", err());

        Path other = dir.resolve("elsewhere/anim.gif");
        Files.createDirectories(other.getParent());
        assertEquals(0, run("export-gif", f.toString(), "--out", other.toString()), err());
        assertEquals(snapshots, frames(other));
        try (var files = Files.list(other.getParent())) {
            assertEquals(List.of(other), files.toList(), "no temporary or lock file left beside it");
        }
    }

    @Test
    void aFileSavedBeforeTimelinesIsRefusedInOneLineWithWhatToDo() throws Exception {
        Path f = trained("new.aelab");
        Experiment e = ExperimentFile.read(f);
        SavedRun r = e.runs().get(0);
        Path old = dir.resolve("old.aelab");
        ExperimentFile.write(old, new Experiment(e.datasetName(), e.created(),
                List.of(new SavedRun(r.config(), r.checkpoint(), r.bceFloor(), r.batches(), r.epochs(), r.label()))));
        assertEquals(1, run("export-gif", old.toString()));
        assertOneLineError(old + " has no timeline: it was saved by an older version; train it again "
                + "(or continue it and save) to record one");
        assertFalse(Files.exists(dir.resolve("old.gif")));
    }

    @Test
    void badInputGivesOneLineAndNoFile() throws Exception {
        Path f = trained("run.aelab");
        assertEquals(1, run("export-gif", f.toString(), "--out", dir.resolve("missing/anim.gif").toString()));
        assertOneLineError("could not write " + dir.resolve("missing/anim.gif") + ": no such folder: " + dir.resolve("missing"));
        assertFalse(Files.exists(dir.resolve("missing")), "the folder is not made for it");

        assertEquals(1, run("export-gif", f.toString(), "--out", dir.toString()));
        assertOneLineError("could not write " + dir + ": is a folder, not a file; choose a file name");

        assertEquals(1, run("export-gif", f.toString(), "--out", f.toString()));
        assertOneLineError("could not write " + f + ": it is the experiment file itself; give --out a .gif name");

        assertEquals(1, run("export-gif", dir.resolve("nope.aelab").toString()));
        assertOneLineError(dir.resolve("nope.aelab") + ": file not found; check the name and the folder");

        Path text = Files.writeString(dir.resolve("notes.aelab"), "not a zip");
        assertEquals(1, run("export-gif", text.toString()));
        assertTrue(err().startsWith("error: " + text + ": not an Autoencoder Lab experiment"), err());

        assertEquals(2, run("export-gif"));
        assertTrue(err().startsWith("error: give the FILE.aelab\n"), err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("notes.aelab", "run.aelab"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
