package io.pitaj.models.forcefield;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AMBER parameter/topology file read as a set of named sections ({@code %FLAG NAME}), each with a Fortran
 * fixed-width {@code %FORMAT(nTw[.d])}. The parser knows nothing about force fields beyond the POINTERS block, which
 * it uses to check that every section it recognises has the length the header promises (so a damaged file fails
 * here, with a line number, rather than later with an index error), and the pointer conventions of the term lists.
 */
public final class PrmtopFile {
    /** Indices into POINTERS (AMBER file specification). */
    public static final int NATOM = 0, NTYPES = 1, NBONH = 2, MBONA = 3, NTHETH = 4, MTHETA = 5, NPHIH = 6,
            MPHIA = 7, NNB = 10, NRES = 11, NUMBND = 15, NUMANG = 16, NPTRA = 17;

    private static final Pattern FORMAT = Pattern.compile("%FORMAT\\((\\d+)([aAiIeEfFdD])(\\d+)(?:\\.\\d+)?\\)\\s*");

    private enum Kind { TEXT, INTEGER, REAL }

    private record Section(String flag, int flagLine, Kind kind, Object values, int count) {}

    private final String source;
    private final Map<String, Section> sections;

    private PrmtopFile(String source, Map<String, Section> sections) {
        this.source = source;
        this.sections = sections;
    }

    public static PrmtopFile read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prmtop " + path, e);
        }
    }

    /** Reads a prmtop from a stream; {@code sourceName} appears in error messages. The stream is not closed. */
    public static PrmtopFile read(InputStream in, String sourceName) {
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) lines.add(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prmtop " + sourceName, e);
        }
        PrmtopFile file = new PrmtopFile(sourceName, parse(lines, sourceName));
        file.checkLengths();
        return file;
    }

    public String source() { return source; }

    public boolean has(String flag) { return sections.containsKey(flag); }

    public Set<String> flags() { return Collections.unmodifiableSet(sections.keySet()); }

    /** Values of an integer section (a fresh copy). */
    public int[] ints(String flag) { return ((int[]) section(flag, Kind.INTEGER).values).clone(); }

    /** Values of a real-valued section (a fresh copy). */
    public double[] doubles(String flag) { return ((double[]) section(flag, Kind.REAL).values).clone(); }

    /** Values of a text section, each field trimmed. */
    public List<String> strings(String flag) {
        return List.of((String[]) section(flag, Kind.TEXT).values);
    }

    public int pointer(int index) {
        int[] p = ints("POINTERS");
        if (index >= p.length) throw new PrmtopFormatException(source + ": POINTERS has " + p.length + " entries, need index " + index);
        return p[index];
    }

    public int atomCount() { return pointer(NATOM); }

    /**
     * Converts a coordinate-array pointer of a bond/angle/dihedral list (3·index, its sign a flag) to a 0-based atom
     * index, checking its range.
     */
    int atomOfPointer(int pointer, String flag) {
        int p = Math.abs(pointer);
        if (p % 3 != 0 || p / 3 >= atomCount()) {
            throw new PrmtopFormatException(source + ": section " + flag + " refers to coordinate pointer " + pointer
                    + ", not 3·(atom index) for one of " + atomCount() + " atoms");
        }
        return p / 3;
    }

    /** Converts a 1-based parameter-type number of a term list to a 0-based index into arrays of length {@code count}. */
    int parameterIndex(int type, int count, String flag) {
        if (type < 1 || type > count) {
            throw new PrmtopFormatException(source + ": section " + flag + " refers to parameter type " + type
                    + ", outside 1.." + count);
        }
        return type - 1;
    }

    private Section section(String flag, Kind kind) {
        Section s = sections.get(flag);
        if (s == null) throw new PrmtopFormatException(source + ": required section %FLAG " + flag + " is missing");
        if (s.kind != kind) {
            throw new PrmtopFormatException(source + ", line " + s.flagLine + ": section " + flag + " holds "
                    + s.kind.name().toLowerCase() + " values, expected " + kind.name().toLowerCase());
        }
        return s;
    }

    private static Map<String, Section> parse(List<String> lines, String source) {
        Map<String, Section> out = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("%FLAG")) {
                if (!line.startsWith("%") && !line.isBlank()) {
                    throw new PrmtopFormatException(source + ", line " + (i + 1) + ": data outside any %FLAG section: '" + line.strip() + "'");
                }
                i++;
                continue;
            }
            int flagLine = i + 1;
            String flag = line.substring(5).strip();
            if (flag.isEmpty()) throw new PrmtopFormatException(source + ", line " + flagLine + ": %FLAG without a name");
            if (out.containsKey(flag)) throw new PrmtopFormatException(source + ", line " + flagLine + ": section " + flag + " appears twice");
            i++;
            while (i < lines.size() && lines.get(i).startsWith("%COMMENT")) i++;
            if (i >= lines.size() || !lines.get(i).startsWith("%FORMAT")) {
                throw new PrmtopFormatException(source + ", line " + (i + 1) + ": section " + flag + " has no %FORMAT line after its %FLAG");
            }
            Matcher m = FORMAT.matcher(lines.get(i).strip());
            if (!m.matches()) {
                throw new PrmtopFormatException(source + ", line " + (i + 1) + ": bad format specification '" + lines.get(i).strip()
                        + "' for section " + flag + " (expected e.g. %FORMAT(10I8), %FORMAT(5E16.8), %FORMAT(20a4))");
            }
            int width = Integer.parseInt(m.group(3));
            if (width == 0) throw new PrmtopFormatException(source + ", line " + (i + 1) + ": zero field width in " + lines.get(i).strip());
            Kind kind = switch (Character.toUpperCase(m.group(2).charAt(0))) {
                case 'A' -> Kind.TEXT;
                case 'I' -> Kind.INTEGER;
                default -> Kind.REAL;
            };
            i++;
            int first = i;
            while (i < lines.size() && !lines.get(i).startsWith("%")) i++;
            out.put(flag, readFields(lines, first, i, flag, flagLine, kind, width, source));
        }
        if (out.isEmpty()) throw new PrmtopFormatException(source + ": no %FLAG sections (empty or not a prmtop file)");
        return out;
    }

    private static Section readFields(List<String> lines, int from, int to, String flag, int flagLine, Kind kind, int width, String source) {
        List<String> fields = new ArrayList<>();
        List<Integer> fieldLines = new ArrayList<>();
        for (int l = from; l < to; l++) {
            String text = kind == Kind.TEXT ? lines.get(l).stripTrailing() : lines.get(l);
            for (int c = 0; c < text.length(); c += width) {
                String field = text.substring(c, Math.min(text.length(), c + width));
                // numeric lines may carry trailing blanks; a blank numeric field is padding, not a value
                if (kind != Kind.TEXT && field.isBlank()) continue;
                fields.add(field.strip());
                fieldLines.add(l + 1);
            }
        }
        int n = fields.size();
        Object values;
        switch (kind) {
            case TEXT -> values = fields.toArray(new String[0]);
            case INTEGER -> {
                int[] v = new int[n];
                for (int k = 0; k < n; k++) {
                    try {
                        v[k] = Integer.parseInt(fields.get(k));
                    } catch (NumberFormatException e) {
                        throw new PrmtopFormatException(source + ", line " + fieldLines.get(k) + ": section " + flag
                                + ": '" + fields.get(k) + "' is not an integer", e);
                    }
                }
                values = v;
            }
            default -> {
                double[] v = new double[n];
                for (int k = 0; k < n; k++) {
                    try {
                        // Fortran may write D exponents
                        v[k] = Double.parseDouble(fields.get(k).replace('D', 'E').replace('d', 'e'));
                    } catch (NumberFormatException e) {
                        throw new PrmtopFormatException(source + ", line " + fieldLines.get(k) + ": section " + flag
                                + ": '" + fields.get(k) + "' is not a number", e);
                    }
                }
                values = v;
            }
        }
        return new Section(flag, flagLine, kind, values, n);
    }

    /** Expected section lengths as functions of POINTERS; sections not listed are not checked. */
    private void checkLengths() {
        int[] p = ints("POINTERS");
        if (p.length < NPTRA + 1) {
            throw new PrmtopFormatException(source + ", line " + sections.get("POINTERS").flagLine + ": POINTERS has "
                    + p.length + " entries, need at least " + (NPTRA + 1));
        }
        int natom = p[NATOM], ntypes = p[NTYPES];
        if (natom < 1) throw new PrmtopFormatException(source + ": POINTERS gives NATOM = " + natom);
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String f : List.of("ATOM_NAME", "CHARGE", "ATOMIC_NUMBER", "MASS", "ATOM_TYPE_INDEX", "NUMBER_EXCLUDED_ATOMS",
                "AMBER_ATOM_TYPE", "RADII", "SCREEN")) {
            expected.put(f, (long) natom);
        }
        expected.put("NONBONDED_PARM_INDEX", (long) ntypes * ntypes);
        expected.put("LENNARD_JONES_ACOEF", (long) ntypes * (ntypes + 1) / 2);
        expected.put("LENNARD_JONES_BCOEF", (long) ntypes * (ntypes + 1) / 2);
        expected.put("RESIDUE_LABEL", (long) p[NRES]);
        expected.put("RESIDUE_POINTER", (long) p[NRES]);
        expected.put("BOND_FORCE_CONSTANT", (long) p[NUMBND]);
        expected.put("BOND_EQUIL_VALUE", (long) p[NUMBND]);
        expected.put("ANGLE_FORCE_CONSTANT", (long) p[NUMANG]);
        expected.put("ANGLE_EQUIL_VALUE", (long) p[NUMANG]);
        for (String f : List.of("DIHEDRAL_FORCE_CONSTANT", "DIHEDRAL_PERIODICITY", "DIHEDRAL_PHASE", "SCEE_SCALE_FACTOR", "SCNB_SCALE_FACTOR")) {
            expected.put(f, (long) p[NPTRA]);
        }
        expected.put("BONDS_INC_HYDROGEN", 3L * p[NBONH]);
        expected.put("BONDS_WITHOUT_HYDROGEN", 3L * p[MBONA]);
        expected.put("ANGLES_INC_HYDROGEN", 4L * p[NTHETH]);
        expected.put("ANGLES_WITHOUT_HYDROGEN", 4L * p[MTHETA]);
        expected.put("DIHEDRALS_INC_HYDROGEN", 5L * p[NPHIH]);
        expected.put("DIHEDRALS_WITHOUT_HYDROGEN", 5L * p[MPHIA]);
        expected.put("EXCLUDED_ATOMS_LIST", (long) p[NNB]);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            Section s = sections.get(e.getKey());
            if (s != null && s.count != e.getValue()) {
                throw new PrmtopFormatException(source + ", line " + s.flagLine + ": section " + s.flag + " has " + s.count
                        + " values but POINTERS implies " + e.getValue() + " (truncated or inconsistent file)");
            }
        }
    }
}
