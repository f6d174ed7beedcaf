package aelab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test tools that take a good experiment file apart and put it back together with one thing changed. */
final class Zips {
    private Zips() { }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) m.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
        return m;
    }

    static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    /** Writes the entries uncompressed (STORED), so their bytes appear as they are inside the file. */
    static void writeStored(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    /** Rewrites one entry (null removes it). */
    static void replace(Path zip, String name, byte[] bytes) throws IOException {
        Map<String, byte[]> m = entries(zip);
        if (bytes == null) m.remove(name);
        else m.put(name, bytes);
        write(zip, m);
    }

    /** Rewrites experiment.json through an edit of its text; the edit must change something. */
    static void editJson(Path zip, UnaryOperator<String> edit) throws IOException {
        String before = new String(entries(zip).get("experiment.json"), StandardCharsets.UTF_8);
        String after = edit.apply(before);
        if (after.equals(before)) throw new AssertionError("the edit changed nothing");
        replace(zip, "experiment.json", after.getBytes(StandardCharsets.UTF_8));
    }
}
