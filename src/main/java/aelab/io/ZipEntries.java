package aelab.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads whole entries of a zip, trusting nothing: the size must be the one the caller expects (checked
 * before any allocation, so a forged header cannot ask for gigabytes), the stream must end exactly
 * there, and the CRC-32 is recomputed, because {@link ZipFile} does not check it and a flipped bit in a
 * stored array would otherwise pass unnoticed. A size is also checked against the bytes the file really
 * holds for the entry: deflate packs at most {@value #MAX_DEFLATE_RATIO} bytes into one, and a stored
 * entry is as long as its data.
 */
final class ZipEntries {
    /** A missing, mis-sized or corrupt entry; the message names it. */
    static final class BadEntry extends Exception {
        private static final long serialVersionUID = 1L;

        BadEntry(String message) { super(message); }
    }

    static final long MAX_DEFLATE_RATIO = 1032; // deflate's limit: a 258-byte match in about 2 bits

    private final ZipFile zip;

    ZipEntries(ZipFile zip) { this.zip = zip; }

    /** Checks, without reading it, that the entry exists and holds exactly {@code size} bytes. */
    void checkSize(String name, long size, String what) throws BadEntry {
        ZipEntry e = entry(name, what);
        if (e.getSize() != size)
            throw new BadEntry(name + " holds " + e.getSize() + " bytes, but " + what + " needs " + size);
        if (size > Integer.MAX_VALUE - 8) throw new BadEntry(name + ": " + what + " is too large (" + size + " bytes)");
        plausible(e);
    }

    /** Checks, without reading it, that the entry exists and holds between {@code min} and {@code max} bytes. */
    void checkSizeWithin(String name, long min, long max, String what) throws BadEntry {
        ZipEntry e = entry(name, what);
        if (e.getSize() < min || e.getSize() > max)
            throw new BadEntry(name + " holds " + e.getSize() + " bytes, but " + what + " needs " + min
                    + (max > min ? " to " + max : ""));
        if (e.getSize() > Integer.MAX_VALUE - 8) throw new BadEntry(name + ": " + what + " is too large (" + e.getSize() + " bytes)");
        plausible(e);
    }

    /** The whole entry, already {@link #checkSizeWithin checked}. */
    byte[] readChecked(String name, String what) throws BadEntry, IOException {
        ZipEntry e = entry(name, what);
        return bytes(e, (int) e.getSize());
    }

    boolean has(String name) {
        ZipEntry e = zip.getEntry(name);
        return e != null && !e.isDirectory();
    }

    /** Exactly {@code size} bytes; {@code what} says what the entry should hold, for the message. */
    byte[] read(String name, long size, String what) throws BadEntry, IOException {
        checkSize(name, size, what);
        return bytes(entry(name, what), (int) size);
    }

    /** The whole entry, refused when larger than {@code max} bytes. */
    byte[] readAtMost(String name, int max, String what) throws BadEntry, IOException {
        ZipEntry e = entry(name, what);
        if (e.getSize() < 0 || e.getSize() > max)
            throw new BadEntry(name + " is " + e.getSize() + " bytes, more than the " + max + " allowed for " + what);
        plausible(e);
        return bytes(e, (int) e.getSize());
    }

    private ZipEntry entry(String name, String what) throws BadEntry {
        ZipEntry e = zip.getEntry(name);
        if (e == null || e.isDirectory()) throw new BadEntry("the entry " + name + " (" + what + ") is missing");
        return e;
    }

    /** The recorded size must fit the recorded compressed size, and that the file's length. */
    private void plausible(ZipEntry e) throws BadEntry {
        long packed = e.getCompressedSize(), size = e.getSize();
        if (packed < 0) return; // not recorded: the stream's own end is checked while reading
        long fileLength = new java.io.File(zip.getName()).length();
        if (fileLength > 0 && packed > fileLength)
            throw new BadEntry(e.getName() + " claims " + packed + " compressed bytes, more than the whole file's " + fileLength);
        long most = e.getMethod() == ZipEntry.STORED ? packed : packed * MAX_DEFLATE_RATIO + 64;
        if (size > most)
            throw new BadEntry(e.getName() + " claims " + size + " bytes, more than its " + packed
                    + " compressed bytes can hold");
    }

    private byte[] bytes(ZipEntry e, int size) throws BadEntry, IOException {
        byte[] b;
        try (InputStream in = zip.getInputStream(e)) {
            b = in.readNBytes(size);
            if (b.length < size) throw new BadEntry(e.getName() + " ends after " + b.length + " of its " + size + " bytes");
            if (in.read() != -1) throw new BadEntry(e.getName() + " is longer than its recorded " + size + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(b);
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc())
            throw new BadEntry(e.getName() + " fails its checksum (CRC-32): its bytes were changed");
        return b;
    }
}
