package io.pitaj.worker.inspecting;

import io.pitaj.worker.UserInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads standard multi-frame XYZ files: per frame a line with the atom count, a comment line, then one
 * {@code symbol x y z} line per atom. Only the file's syntax is checked here; whether the frames fit a system is
 * {@link TargetCoordinates}' business. Blank lines after the last frame are allowed.
 */
final class XyzReader {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private XyzReader() {}

    static List<XyzFrame> read(Path file) {
        List<String> lines = readLines(file);
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) end--;
        if (end == 0) throw new UserInputException(file + " is empty; expected XYZ frames (atom count, comment, 'symbol x y z' lines)");
        List<XyzFrame> frames = new ArrayList<>();
        int next = 0;
        while (next < end) {
            XyzFrame frame = readFrame(file, lines, next, end, frames.size());
            frames.add(frame);
            next += 2 + frame.atoms();
        }
        return frames;
    }

    private static XyzFrame readFrame(Path file, List<String> lines, int start, int end, int index) {
        String countText = lines.get(start).strip();
        int atoms;
        try {
            atoms = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            atoms = -1;
        }
        if (atoms < 1) {
            throw new UserInputException(where(file, start + 1, index) + ": expected the atom count (a positive integer), found '"
                    + countText + "'; each frame starts with its atom count, then a comment line");
        }
        if (start + 2 + atoms > end) {
            int present = Math.max(0, end - start - 2);
            throw new UserInputException(where(file, start + 1, index) + ": the count line announces " + atoms
                    + " atoms but the file ends after " + present + " atom lines; fix the count or add the missing lines");
        }
        List<String> symbols = new ArrayList<>(atoms);
        double[] xyz = new double[3 * atoms];
        for (int a = 0; a < atoms; a++) {
            int lineNo = start + 3 + a;
            String[] fields = lines.get(lineNo - 1).strip().split("\\s+");
            if (fields.length != 4) {
                throw new UserInputException(where(file, lineNo, index) + ", atom " + a + ": expected 'symbol x y z', found "
                        + (fields[0].isEmpty() ? "an empty line" : fields.length + " fields") + "; is the atom count of the frame right?");
            }
            symbols.add(fields[0]);
            for (int c = 0; c < 3; c++) xyz[3 * a + c] = coordinate(fields[c + 1], file, lineNo, index, a, "xyz".charAt(c));
        }
        return new XyzFrame(index, start + 1, List.copyOf(symbols), xyz);
    }

    private static double coordinate(String text, Path file, int line, int frame, int atom, char axis) {
        if (NON_FINITE.matcher(text).matches()) {
            throw new UserInputException(where(file, line, frame) + ", atom " + atom + ": coordinate " + axis + " is " + text
                    + "; every coordinate must be a finite number");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new UserInputException(where(file, line, frame) + ", atom " + atom + ": coordinate " + axis + " '" + text
                    + "' is not a number");
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw new UserInputException(where(file, line, frame) + ", atom " + atom + ": coordinate " + axis + " " + text
                    + " overflows a double; every coordinate must be a finite number");
        }
        return v;
    }

    static String where(Path file, int line, int frame) {
        return file + " line " + line + " (frame " + frame + ")";
    }

    private static List<String> readLines(Path file) {
        try {
            return Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\\R", -1));
        } catch (NoSuchFileException e) {
            throw new UserInputException("input file " + file + " does not exist; check the --input path", e);
        } catch (AccessDeniedException e) {
            throw new UserInputException("input file " + file + " is not readable (permission denied)", e);
        } catch (CharacterCodingException e) {
            throw new UserInputException("input file " + file + " is not UTF-8 text; expected an XYZ file", e);
        } catch (IOException e) {
            throw new UserInputException("cannot read input file " + file + ": " + e.getMessage(), e);
        }
    }
}
