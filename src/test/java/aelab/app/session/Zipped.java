package aelab.app.session;

import aelab.io.ExperimentFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copies an experiment file with its experiment.json changed: a file from another version, say. */
final class Zipped {
    private Zipped() { }

    static void rewriteMetadata(Path from, Path to, UnaryOperator<String> change) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream raw = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(raw)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    byte[] bytes = data.readAllBytes();
                    if (entry.getName().equals(ExperimentFile.METADATA))
                        bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
    }
}
