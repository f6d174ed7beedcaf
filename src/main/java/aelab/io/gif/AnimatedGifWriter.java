package aelab.io.gif;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An animated GIF written frame by frame with the JDK's GIF writer: the first frame whole, with the
 * NETSCAPE2.0 application extension that makes viewers loop forever; each later one only the rectangle
 * that changed since the frame before, laid over it ("doNotDispose"), which keeps the still parts (the
 * header, the originals) out of every frame but the first. Frames are indexed images of one size.
 * Nothing is cached on disk: the stream goes straight to the caller's output.
 */
final class AnimatedGifWriter implements AutoCloseable {
    private static final String FORMAT = "javax_imageio_gif_image_1.0", STREAM_FORMAT = "javax_imageio_gif_stream_1.0";
    private final ImageWriter writer;
    private final ImageOutputStream out;
    private BufferedImage previous;

    /** A GIF of frames width × height in the palette's colours (its global colour table). */
    AnimatedGifWriter(OutputStream target, int width, int height, IndexColorModel palette) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IOException("this Java has no GIF writer");
        writer = writers.next();
        out = new MemoryCacheImageOutputStream(target);
        writer.setOutput(out);
        writer.prepareWriteSequence(streamMetadata(width, height, palette));
    }

    /** The screen size and the one colour table every frame uses; without it the writer picks a palette of its own. */
    private IIOMetadata streamMetadata(int width, int height, IndexColorModel palette) throws IIOInvalidTreeException {
        IIOMetadata m = writer.getDefaultStreamMetadata(null);
        IIOMetadataNode root = (IIOMetadataNode) m.getAsTree(STREAM_FORMAT);
        IIOMetadataNode screen = child(root, "LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(width));
        screen.setAttribute("logicalScreenHeight", Integer.toString(height));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        IIOMetadataNode table = child(root, "GlobalColorTable");
        while (table.getLength() > 0) table.removeChild(table.getFirstChild());
        table.setAttribute("sizeOfGlobalColorTable", "256");
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < 256; i++) {
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            e.setAttribute("index", Integer.toString(i));
            boolean in = i < palette.getMapSize();
            e.setAttribute("red", Integer.toString(in ? palette.getRed(i) : 0));
            e.setAttribute("green", Integer.toString(in ? palette.getGreen(i) : 0));
            e.setAttribute("blue", Integer.toString(in ? palette.getBlue(i) : 0));
            table.appendChild(e);
        }
        m.setFromTree(STREAM_FORMAT, root);
        return m;
    }

    /** Adds a frame shown for delayMillis (GIF keeps hundredths of a second). */
    void add(BufferedImage frame, int delayMillis) throws IOException {
        if (previous != null && (frame.getWidth() != previous.getWidth() || frame.getHeight() != previous.getHeight()))
            throw new IllegalArgumentException("every frame has the size of the first");
        Rectangle r = previous == null ? new Rectangle(0, 0, frame.getWidth(), frame.getHeight()) : changed(previous, frame);
        BufferedImage part = crop(frame, r);
        writer.writeToSequence(new IIOImage(part, null, metadata(part, r, delayMillis, previous == null)), null);
        previous = frame;
    }

    /** The smallest rectangle holding every pixel that differs; 1 × 1 when none does. */
    static Rectangle changed(BufferedImage a, BufferedImage b) {
        byte[] p = pixels(a), q = pixels(b);
        int w = a.getWidth(), h = a.getHeight(), x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (p[y * w + x] != q[y * w + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
        return x1 < 0 ? new Rectangle(0, 0, 1, 1) : new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    private static byte[] pixels(BufferedImage i) {
        if (i.getType() != BufferedImage.TYPE_BYTE_INDEXED) throw new IllegalArgumentException("frames are indexed images");
        return ((DataBufferByte) i.getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage crop(BufferedImage frame, Rectangle r) {
        if (r.width == frame.getWidth() && r.height == frame.getHeight()) return frame;
        BufferedImage part = new BufferedImage(r.width, r.height, BufferedImage.TYPE_BYTE_INDEXED,
                (java.awt.image.IndexColorModel) frame.getColorModel());
        part.getRaster().setRect(-r.x, -r.y, frame.getRaster());
        return part;
    }

    private IIOMetadata metadata(BufferedImage part, Rectangle r, int delayMillis, boolean first) throws IIOInvalidTreeException {
        IIOMetadata m = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(part), null);
        IIOMetadataNode root = (IIOMetadataNode) m.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(2, Math.round(delayMillis / 10f))));
        control.setAttribute("transparentColorIndex", "0");
        for (int i = root.getLength() - 1; i >= 0; i--)   // the global table serves every frame
            if (root.item(i).getNodeName().equals("LocalColorTable")) root.removeChild(root.item(i));
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(r.x));
        descriptor.setAttribute("imageTopPosition", Integer.toString(r.y));
        descriptor.setAttribute("imageWidth", Integer.toString(r.width));
        descriptor.setAttribute("imageHeight", Integer.toString(r.height));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        if (first) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});   // sub-block 1: loop count 0 (little-endian), for ever
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        m.setFromTree(FORMAT, root);
        return m;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++)
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** Ends the GIF (its trailer) and flushes it to the output, which stays open. */
    void finish() throws IOException {
        writer.endWriteSequence();
        out.flush();
    }

    @Override public void close() throws IOException {
        writer.dispose();
        out.close();
    }
}
