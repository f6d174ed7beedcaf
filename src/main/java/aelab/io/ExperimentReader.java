package aelab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Opens an experiment file in the order that gives the most useful message: is it there, is it a zip,
 * does it hold experiment.json, is that JSON, is it our format, is its version one we read — and only
 * then the runs, each field and array checked (see {@link RunReader}). Every failure becomes one
 * {@link ExperimentFileException}: a file from outside is never trusted enough to throw anything else.
 */
final class ExperimentReader {
    static final int MAX_METADATA = 64 << 20; // 64 MiB of JSON is far beyond any real experiment
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final String OPEN_ANOTHER = "open another copy of the file, or train the runs again";

    private ExperimentReader() { }

    static Experiment read(Path file) throws ExperimentFileException {
        if (!Files.exists(file)) throw new ExperimentFileException(file, "file not found; check the name and the folder");
        if (Files.isDirectory(file)) throw new ExperimentFileException(file, "is a folder, not an experiment file; choose a file saved by Autoencoder Lab ("
                + ExperimentFile.EXTENSION + ")");
        if (!startsWithZipMagic(file))
            throw new ExperimentFileException(file, "not an Autoencoder Lab experiment (it is not a zip archive);"
                    + " open a file saved by Autoencoder Lab (" + ExperimentFile.EXTENSION + ")");
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return read(file, new ZipEntries(zip));
        } catch (AccessDeniedException e) {
            throw new ExperimentFileException(file, "cannot be read: permission denied; check the file's permissions", e);
        } catch (IOException e) { // ZipException, or an EOF or inflater error inside an entry
            throw new ExperimentFileException(file, "the file is damaged or incomplete (" + reason(e)
                    + "), perhaps cut short while it was copied or saved; " + OPEN_ANOTHER, e);
        } catch (RuntimeException e) {
            throw new ExperimentFileException(file, "the file is damaged (" + reason(e) + "); " + OPEN_ANOTHER, e);
        }
    }

    /** The reason in words: an exception's class name is no reason a user can act on. */
    private static String reason(Exception e) {
        if (e instanceof java.io.EOFException) return "the file ends early: it is truncated";
        if (e.getMessage() == null || e.getMessage().isBlank())
            return e instanceof java.util.zip.ZipException ? "its zip structure is broken" : "an unexpected " + e.getClass().getSimpleName();
        return e.getMessage();
    }

    private static boolean startsWithZipMagic(Path file) throws ExperimentFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        } catch (AccessDeniedException e) {
            throw new ExperimentFileException(file, "cannot be read: permission denied; check the file's permissions", e);
        } catch (IOException e) {
            throw new ExperimentFileException(file, "cannot be read (" + e + ")", e);
        }
    }

    private static Experiment read(Path file, ZipEntries zip) throws ExperimentFileException, IOException {
        String json;
        try {
            if (!zip.has(ExperimentFile.METADATA))
                throw new ExperimentFileException(file, "a zip archive without " + ExperimentFile.METADATA
                        + ", so not an Autoencoder Lab experiment; open a file saved by Autoencoder Lab ("
                        + ExperimentFile.EXTENSION + ")");
            byte[] bytes = zip.readAtMost(ExperimentFile.METADATA, MAX_METADATA, "the experiment's description");
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (ZipEntries.BadEntry e) {
            throw damaged(file, e.getMessage());
        } catch (CharacterCodingException e) {
            throw damaged(file, ExperimentFile.METADATA + " is not UTF-8 text");
        }
        JsonObject root;
        try {
            root = new JsonObject(Json.parse(json), "");
        } catch (JsonException e) {
            throw damaged(file, ExperimentFile.METADATA + " is not valid JSON (" + e.getMessage() + ")");
        }
        try {
            long version = checkFormatAndVersion(file, root);
            Instant created = instant(root, "created");
            String dataset = root.string("dataset");
            root.string("appVersion");
            List<JsonObject> runs = root.objects("runs");
            if (runs.isEmpty()) throw new JsonException("runs: an experiment holds at least one run");
            List<SavedRun> saved = new ArrayList<>();
            for (JsonObject r : runs) saved.add(RunReader.read(r, zip, version >= 2));
            return new Experiment(dataset, created, saved);
        } catch (JsonException | ZipEntries.BadEntry e) {
            throw damaged(file, e.getMessage());
        }
    }

    /** The file's major version, once it is one this app reads. */
    private static long checkFormatAndVersion(Path file, JsonObject root) throws ExperimentFileException, JsonException {
        Object format = root.has("format") ? root.raw("format") : null;
        if (!ExperimentFile.FORMAT.equals(format))
            throw new ExperimentFileException(file, "not an Autoencoder Lab experiment: its "
                    + ExperimentFile.METADATA + " says format " + JsonObject.describe(format) + ", not \""
                    + ExperimentFile.FORMAT + "\"; open a file saved by Autoencoder Lab (" + ExperimentFile.EXTENSION + ")");
        long version = root.longValue("version");
        if (version > ExperimentFile.VERSION) {
            String by = root.has("appVersion") && root.raw("appVersion") instanceof String s ? " by Autoencoder Lab " + s : "";
            throw new ExperimentFileException(file, "saved in experiment format version " + version + by
                    + ", but this app reads version " + ExperimentFile.VERSION + "; update Autoencoder Lab to open it");
        }
        if (version < 1) throw new JsonException("version: " + version + " is not a format version (they start at 1)");
        root.integer("minorVersion", 0, Integer.MAX_VALUE);
        return version;
    }

    private static Instant instant(JsonObject o, String key) throws JsonException {
        String s = o.string(key);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new JsonException(o.path(key) + ": \"" + s + "\" is not a time like 2025-01-31T12:00:00Z");
        }
    }

    private static ExperimentFileException damaged(Path file, String detail) {
        return new ExperimentFileException(file, "damaged: " + detail + "; " + OPEN_ANOTHER);
    }
}
