package io.pitaj.models.forcefield;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMBER coordinate files (inpcrd / crd, the restart format without velocities): a title line, the atom count
 * (optionally followed by a time), then coordinates in ångström in fixed 12-character fields, six per line.
 * Positions are returned in nm, the force field's length unit.
 */
public final class AmberCoordinates {
    private static final int FIELD = 12;

    private AmberCoordinates() {}

    public static double[] readNm(InputStream in, String source) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            if (r.readLine() == null) throw new IllegalArgumentException(source + ": empty coordinate file");
            String countLine = r.readLine();
            if (countLine == null || countLine.isBlank()) throw new IllegalArgumentException(source + " line 2: missing atom count");
            int atoms;
            try {
                atoms = Integer.parseInt(countLine.strip().split("\\s+")[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line 2: atom count '" + countLine.strip() + "' is not an integer", e);
            }
            List<Double> values = new ArrayList<>(3 * atoms);
            int lineNo = 2;
            for (String line; values.size() < 3 * atoms && (line = r.readLine()) != null; ) {
                lineNo++;
                for (int at = 0; at + FIELD <= line.length() && values.size() < 3 * atoms; at += FIELD) {
                    String field = line.substring(at, at + FIELD).strip();
                    try {
                        values.add(Double.parseDouble(field) * AmberUnits.ANGSTROM_TO_NM);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(source + " line " + lineNo + ": '" + field + "' is not a number", e);
                    }
                }
            }
            if (values.size() < 3 * atoms) {
                throw new IllegalArgumentException(source + ": " + values.size() + " coordinates for " + atoms + " atoms");
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
