/**
 * A run's timeline as an animated GIF: {@link aelab.io.gif.TimelineGif} plans the frames (one per
 * snapshot step of the runs shown side by side), {@link aelab.io.gif.FramePainter} draws one with plain
 * AWT on a {@link aelab.io.gif.FrameLayout}, in the fixed colours of {@link aelab.io.gif.GifPalette},
 * and {@link aelab.io.gif.AnimatedGifWriter} writes them with {@code javax.imageio}. Works headless.
 * May use: {@code aelab.engine}, the JDK (AWT images, ImageIO). Never JavaFX, the app or
 * {@code aelab.io} (the caller writes the bytes, atomically, where it wants them).
 */
package aelab.io.gif;
