package io.pitaj.activities.store;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sample sets as Arrow IPC files (the random-access "file" format, ARROW1 magic at both ends), laid out as
 * docs/sample-sets.md describes, so that pyarrow or any other Arrow reader opens them without project code.
 */
public final class SampleSetCodec {
    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    // leading magic + padding, footer length, trailing magic: nothing shorter can be a whole Arrow file
    private static final int MIN_FILE_BYTES = 8 + 4 + MAGIC.length;

    private SampleSetCodec() {}

    /** {@link #write(SampleSet, Path, boolean)} that refuses to replace an existing file. */
    public static void write(SampleSet set, Path file) {
        write(set, file, false);
    }

    /**
     * Writes {@code set} to {@code file} atomically: the data goes to a hidden sibling first, is forced to disk and
     * then renamed into place, so a reader sees either no file or the whole file, never a partial one. The
     * directory must exist.
     *
     * <p>Without {@code overwrite} an existing file is left alone. The check is made before writing and again just
     * before the rename; a file created by someone else in between those two instants is still replaced, which
     * only concurrent writers of the same path (a bug of theirs) can cause.
     *
     * @throws IllegalArgumentException if the set holds a non-finite value (the format forbids them)
     * @throws UncheckedIOException     if the file exists and {@code overwrite} is false (its cause is a
     *                                  {@link FileAlreadyExistsException}), or if writing fails; the message is
     *                                  one line naming the file
     */
    public static void write(SampleSet set, Path file, boolean overwrite) {
        set.requireFinite();
        refuseExisting(file, overwrite);
        Path temp = temporarySibling(file);
        try {
            try (FileChannel out = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                SampleSetArrowWriter.write(set, out);
            }
            refuseExisting(file, overwrite);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the sample set: " + reason(e, file), e);
        } finally {
            deleteIfPresent(temp);
        }
    }

    private static void refuseExisting(Path file, boolean overwrite) {
        if (!overwrite && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UncheckedIOException(file + ": already exists; refusing to overwrite it (pass overwrite = true"
                    + " to replace it)", new FileAlreadyExistsException(file.toString()));
        }
    }

    // Not Files.createTempFile: it creates files readable by the owner only, and the rename would keep that mode.
    private static Path temporarySibling(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    // After a rename there is nothing left to delete; after a failure, that failure is what the caller must see.
    private static void deleteIfPresent(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stray hidden temporary is harmless
        }
    }

    /**
     * Reads a whole sample set, checking it against the layout on the way.
     *
     * @throws SampleSetFormatException with a one-line message naming the file and the problem, if the file is
     *                                  missing or unreadable, is not a complete Arrow IPC file, lacks or mistypes a
     *                                  column or metadata key, has an unsupported format version, or holds a null
     *                                  or non-finite value
     */
    public static SampleSet read(Path file) {
        try (FileChannel in = open(file)) {
            requireMagic(file, in);
            return SampleSetArrowReader.read(file, in);
        } catch (SampleSetFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Arrow reports damage as whatever its parsing trips over: short reads, bad offsets, bad flatbuffers
            throw new SampleSetFormatException(file, "damaged Arrow IPC file: " + reason(e, file), e);
        }
    }

    private static FileChannel open(Path file) {
        if (Files.isDirectory(file)) throw new SampleSetFormatException(file, "a directory, not a sample set file");
        try {
            return FileChannel.open(file, READ);
        } catch (NoSuchFileException e) {
            throw new SampleSetFormatException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new SampleSetFormatException(file, "not readable (permission denied)", e);
        } catch (IOException e) {
            throw new SampleSetFormatException(file, "cannot be opened: " + reason(e, file), e);
        }
    }

    // The magic is checked here because Arrow's own message for a foreign or cut-off file does not say which it is.
    private static void requireMagic(Path file, FileChannel in) throws IOException {
        long size = in.size();
        if (size == 0) throw new SampleSetFormatException(file, "empty file; expected an Arrow IPC file");
        byte[] head = readAt(in, 0, (int) Math.min(size, MAGIC.length));
        if (!Arrays.equals(head, MAGIC)) {
            throw new SampleSetFormatException(file, isStream(head)
                    ? "an Arrow IPC stream, not an Arrow IPC file; sample sets use the file format (ARROW1 magic)"
                    : "not an Arrow IPC file (it does not start with the ARROW1 magic)");
        }
        if (size < MIN_FILE_BYTES || !Arrays.equals(readAt(in, size - MAGIC.length, MAGIC.length), MAGIC)) {
            throw new SampleSetFormatException(file, "truncated Arrow IPC file (" + size + " bytes, no ARROW1 magic at"
                    + " the end); was its write interrupted?");
        }
    }

    // An IPC stream starts with a message, whose length is preceded by the 0xFFFFFFFF continuation marker.
    private static boolean isStream(byte[] head) {
        return head.length >= 4 && head[0] == -1 && head[1] == -1 && head[2] == -1 && head[3] == -1;
    }

    private static byte[] readAt(FileChannel in, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, position + buffer.position()) < 0) break;
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static String reason(Exception e, Path file) {
        if (e instanceof NoSuchFileException) return "directory " + file.toAbsolutePath().getParent() + " does not exist";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
