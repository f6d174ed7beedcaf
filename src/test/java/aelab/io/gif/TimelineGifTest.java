package aelab.io.gif;

import aelab.data.Dataset;
import aelab.data.DigitGrid;
import aelab.engine.Preview;
import aelab.engine.Settings;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.engine.TrainingListener;
import aelab.engine.timeline.Snapshot;
import aelab.engine.timeline.Timeline;
import aelab.engine.timeline.TimelineRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import static org.junit.jupiter.api.Assertions.*;

/** A GIF of a real (small) run's timeline, decoded again: its frames, its loop, its pixels. */
class TimelineGifTest {
    static Timeline timeline;

    /** 5 epochs of 20 batches: snapshots at 0…8, 10, 12, 14, 17, … and at every epoch's end. */
    @BeforeAll
    static void train() throws Exception {
        Dataset mnist = Dataset.loadBundledMnist();
        TrainingConfig c = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 1000).with(Settings.TEST_LIMIT, 300)
                .with(Settings.EPOCHS, 5).with(Settings.BATCH_SIZE, 50).withThreads(2);
        DigitGrid grid = DigitGrid.shown(mnist.test());
        TimelineRecorder recorder = new TimelineRecorder(mnist.test(), grid.indices(), grid.columns());
        Trainer t = new Trainer(c, mnist, new TrainingListener() {
            @Override public void snapshot(Preview p, boolean epochEnd) { recorder.add(p, epochEnd); }
        });
        t.setPreview(grid.indices(), Long.MAX_VALUE / 1_000_000L);
        t.run();
        timeline = recorder.timeline();
    }

    /** The GIF decoded: each frame as the GIF writes it (only what changed), with its metadata. */
    record Decoded(List<BufferedImage> parts, List<IIOMetadataNode> metadata) {
        int frames() { return parts.size(); }

        /** What a viewer shows at frame k: every frame up to it laid over the one before. */
        BufferedImage shown(int k, int width, int height) {
            BufferedImage screen = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i <= k; i++) {
                IIOMetadataNode d = node(metadata.get(i), "ImageDescriptor");
                int x = Integer.parseInt(d.getAttribute("imageLeftPosition")), y = Integer.parseInt(d.getAttribute("imageTopPosition"));
                screen.getGraphics().drawImage(parts.get(i), x, y, null);
            }
            return screen;
        }
    }

    static Decoded decode(byte[] gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> parts = new ArrayList<>();
            List<IIOMetadataNode> meta = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                parts.add(reader.read(i));
                meta.add((IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0"));
            }
            return new Decoded(parts, meta);
        } finally {
            reader.dispose();
        }
    }

    static IIOMetadataNode node(IIOMetadataNode root, String name) {
        var list = root.getElementsByTagName(name);
        assertEquals(1, list.getLength(), "one " + name);
        return (IIOMetadataNode) list.item(0);
    }

    static byte[] bytes(TimelineGif gif) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        gif.write(out);
        return out.toByteArray();
    }

    @Test
    void aFiveEpochRunGivesAFramePerSnapshotThatLoopsForEver() throws IOException {
        TimelineGif gif = TimelineGif.of(List.of(new TimelineGif.Source("run 1 · sigmoid + bce, [0,1]", timeline)));
        Decoded d = decode(bytes(gif));
        assertTrue(timeline.size() >= 20, timeline.size() + " snapshots");
        assertEquals(timeline.size(), d.frames());
        assertEquals(0, gif.firstStep());
        assertEquals(100, gif.lastStep(), "5 epochs of 1000 images in batches of 50");

        IIOMetadataNode loop = node(d.metadata().get(0), "ApplicationExtension");
        assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
        assertEquals("2.0", loop.getAttribute("authenticationCode"));
        assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) loop.getUserObject(), "loop count 0: for ever");
        assertEquals("25", node(d.metadata().get(0), "GraphicControlExtension").getAttribute("delayTime"));
        assertEquals("200", node(d.metadata().get(d.frames() - 1), "GraphicControlExtension").getAttribute("delayTime"),
                "the last frame is held 2 s");
        IIOMetadataNode later = node(d.metadata().get(5), "ImageDescriptor");
        assertTrue(Integer.parseInt(later.getAttribute("imageTopPosition")) > gif.layout().tile(0, 19).y,
                "a later frame starts below the originals: only what changed is written");
    }

    @Test
    void everyDecodedFrameIsTheFrameDrawnAndItsDigitsAreTheSnapshots() throws IOException {
        TimelineGif gif = TimelineGif.of(List.of(new TimelineGif.Source("run 1", timeline)));
        FrameLayout l = gif.layout();
        Decoded d = decode(bytes(gif));
        for (int k : new int[] {0, 7, d.frames() - 1}) {
            BufferedImage shown = d.shown(k, l.width(), l.height()), drawn = gif.frame(k);
            for (int y = 0; y < l.height(); y++)
                for (int x = 0; x < l.width(); x++)
                    assertEquals(drawn.getRGB(x, y) & 0xFFFFFF, shown.getRGB(x, y) & 0xFFFFFF, "frame " + k + " at " + x + "," + y);
        }
        Snapshot last = timeline.get(timeline.size() - 1);
        float[] p = last.toPreview(timeline.indices()).pixels();
        BufferedImage end = d.shown(d.frames() - 1, l.width(), l.height());
        int bright = 0, dark = 0, d28 = 28 * 28;
        for (int i = 0; i < 20; i++) {
            Point at = l.tile(1, i);
            for (int j = 0; j < d28; j++) {
                int x = at.x + (j % 28) * TimelineGif.SCALE + 1, y = at.y + (j / 28) * TimelineGif.SCALE + 1;   // inside the 2 × 2 block
                int grey = end.getRGB(x, y) & 0xFF;
                assertEquals(Math.round(Math.min(1, Math.max(0, p[i * d28 + j])) * 255), grey, 2.5, "digit " + i + " pixel " + j);
                if (p[i * d28 + j] > 0.5) {
                    assertTrue(grey > 125, "bright where the reconstruction is bright");
                    bright++;
                }
                if (p[i * d28 + j] < 0.02) {
                    assertTrue(grey < 8, "dark where it is dark");
                    dark++;
                }
            }
            Point o = l.tile(0, i);
            int first = timeline.originals()[i * d28 + 14 * 28 + 14] & 0xFF;   // the middle pixel of the original
            assertEquals(first, end.getRGB(o.x + 28, o.y + 28) & 0xFF, 1.5, "original " + i);
        }
        assertTrue(bright > 50 && dark > 1000, bright + " bright, " + dark + " dark pixels: a trained run's digits");
    }

    @Test
    void runsSideBySideShareTheFramesOfTheirStepsEachShowingItsLatestSnapshot() {
        List<Snapshot> ends = timeline.snapshots().stream().filter(Snapshot::epochEnd).toList();
        Timeline sparse = new Timeline(timeline.imageRows(), timeline.imageCols(), timeline.columns(), timeline.indices(),
                timeline.originals(), timeline.labels(), timeline.codeLabels(), ends, List.of());
        TimelineGif gif = TimelineGif.of(List.of(new TimelineGif.Source("run 1", timeline), new TimelineGif.Source("run 2", sparse)));
        assertEquals(timeline.size(), gif.frames(), "the union of their steps: the sparse one's are among the dense one's");
        FrameLayout l = gif.layout();
        int k = timeline.indexAt(30);   // between the ends of epochs 1 (step 20) and 2 (step 40)
        assertTrue(timeline.get(k).step() > 20 && timeline.get(k).step() < 40);
        BufferedImage frame = gif.frame(k);
        float[] run2 = ends.get(0).toPreview(timeline.indices()).pixels(), run1 = timeline.get(k).toPreview(timeline.indices()).pixels();
        int differ = 0;
        for (int j = 0; j < 28 * 28; j++) {
            Point a = l.tile(1, 0), b = l.tile(2, 0);
            int x = (j % 28) * TimelineGif.SCALE, y = (j / 28) * TimelineGif.SCALE;
            assertEquals(GifPalette.MODEL.getRed(GifPalette.grey(run1[j])), frame.getRGB(a.x + x, a.y + y) & 0xFF);
            assertEquals(GifPalette.MODEL.getRed(GifPalette.grey(run2[j])), frame.getRGB(b.x + x, b.y + y) & 0xFF,
                    "run 2 shows its snapshot of step 20");
            if (GifPalette.grey(run1[j]) != GifPalette.grey(run2[j])) differ++;
        }
        assertTrue(differ > 0, "the two rows show different moments");
        Point before = l.tile(2, 0);
        assertEquals(GifPalette.MODEL.getRed(GifPalette.grey(0.2)), gif.frame(3).getRGB(before.x, before.y) & 0xFF,
                "before its first snapshot a run's tiles are empty");
    }

    @Test
    void runsWithoutATimelineAreRefusedInOneLine() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TimelineGif.of(List.of(new TimelineGif.Source("run 1", Timeline.EMPTY))));
        assertEquals("the run has no timeline", e.getMessage());
        TimelineGif one = TimelineGif.of(List.of(new TimelineGif.Source("run 1", Timeline.EMPTY), new TimelineGif.Source("run 2", timeline)));
        assertEquals(List.of("run 2"), one.runs().stream().map(TimelineGif.Source::name).toList(), "the empty one is left out");
    }
}
