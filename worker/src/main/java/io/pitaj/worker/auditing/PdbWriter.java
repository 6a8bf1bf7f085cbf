package io.pitaj.worker.auditing;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.forcefield.AmberTopology;
import io.pitaj.worker.UserInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A peptide sample set as a multi-model PDB file (wwPDB format 3.3, fixed columns): REMARK 1 lines naming the
 * samples' origin, then per sample a MODEL … ENDMDL block of ATOM records with the topology's atom and residue names,
 * residue numbers from 1, chain A and element symbols, coordinates in Å (sets hold nm). PDB has no field for a
 * log-weight or an energy, so the remarks send the reader to the arrow and csv exports for them. No TER or CONECT:
 * viewers rebuild bonds from distances, and the topology is the prmtop's.
 */
final class PdbWriter {
    /** Coordinate columns are Real(8.3): anything wider would shift every later column. */
    private static final double MAX_COORDINATE_ANGSTROM = 9999.9994, MIN_COORDINATE_ANGSTROM = -999.9994;
    private static final int REMARK_TEXT_COLUMNS = 80 - "REMARK   1 ".length();
    private static final double ANGSTROM_PER_NM = 10;

    private PdbWriter() {}

    /**
     * Writes {@code set} to {@code file}; {@code origin} is free text for the first remark (run, rung). Refuses, before
     * writing anything, a set whose atoms are not the topology's or a coordinate the columns cannot hold.
     */
    static void write(SampleSet set, AmberTopology topology, String origin, Path file) throws IOException {
        requireFits(set, topology);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (String remark : remarks(set, origin)) w.write(remark + "\n");
            int atoms = topology.atomCount();
            for (int i = 0; i < set.count(); i++) {
                // MODEL's serial has columns 11-14; past 9,999 models it runs into column 15, as OpenMM and MDTraj write it
                w.write(String.format(Locale.ROOT, "MODEL     %4d\n", i + 1));
                double[] row = set.row(i);
                for (int a = 0; a < atoms; a++) w.write(atom(topology, row, a));
                w.write("ENDMDL\n");
            }
            w.write("END   \n"); // a record's name fills columns 1-6, and some readers (Biopython) compare all six
        }
    }

    private static List<String> remarks(SampleSet set, String origin) {
        boolean weighted = false;
        for (double lw : set.logWeight()) weighted |= lw != 0;
        String text = String.format(Locale.ROOT, "%s: %s at T = %s K, each MODEL one sample (%d in all), coordinates in angstrom. %s", origin,
                set.system(), set.temperature(), set.count(), weighted
                        ? "The samples are weighted: their log-weights and energies are not in this file; export the run as arrow or csv for them."
                        : "Every log-weight is 0 (unweighted samples); the energies are in the arrow and csv exports.");
        List<String> lines = new ArrayList<>();
        for (String line : wrap(text)) lines.add("REMARK   1 " + line);
        return lines;
    }

    /** Words into lines that fit a remark's columns; a word longer than that (a long run id) is cut. */
    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > REMARK_TEXT_COLUMNS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (; word.length() > REMARK_TEXT_COLUMNS; word = word.substring(REMARK_TEXT_COLUMNS)) {
                lines.add(word.substring(0, REMARK_TEXT_COLUMNS));
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    /** One ATOM record, columns as wwPDB 3.3 fixes them (altLoc, iCode and charge blank). */
    private static String atom(AmberTopology topology, double[] row, int atom) {
        String element = topology.elements().get(atom).toUpperCase(Locale.ROOT);
        String name = topology.atomNames().get(atom);
        // names of one-letter elements start in column 14, so the element sits in columns 13-14 as readers expect
        String field = name.length() < 4 && element.length() == 1 ? " " + name : name;
        int o = 3 * atom;
        return String.format(Locale.ROOT, "ATOM  %5d %-4s %3s A%4d    %8.3f%8.3f%8.3f%6.2f%6.2f          %2s\n", atom + 1, field,
                topology.residueNames().get(topology.residueOf(atom)), topology.residueOf(atom) + 1, row[o] * ANGSTROM_PER_NM,
                row[o + 1] * ANGSTROM_PER_NM, row[o + 2] * ANGSTROM_PER_NM, 1.0, 0.0, element);
    }

    private static void requireFits(SampleSet set, AmberTopology topology) {
        if (!set.atoms().equals(topology.elements())) {
            throw new UserInputException("the set's atoms " + set.atoms() + " are not the " + set.system() + " topology's " + topology.elements());
        }
        if (topology.atomCount() > 99_999 || topology.residueCount() > 9_999) {
            throw new UserInputException(set.system() + " has more atoms or residues than PDB's serial columns hold; use --format xyz");
        }
        for (int a = 0; a < topology.atomCount(); a++) {
            if (topology.atomNames().get(a).length() > 4 || topology.residueNames().get(topology.residueOf(a)).length() > 3) {
                throw new UserInputException("atom " + (a + 1) + " of " + set.system() + " has a name longer than PDB's columns; use --format xyz");
            }
        }
        double[] x = set.x();
        for (int k = 0; k < x.length; k++) {
            double angstrom = x[k] * ANGSTROM_PER_NM;
            if (angstrom > MAX_COORDINATE_ANGSTROM || angstrom < MIN_COORDINATE_ANGSTROM) {
                throw new UserInputException(String.format(Locale.ROOT, "sample %d has a coordinate of %.4g angstrom, outside the -999.999..9999.999 "
                        + "that PDB's columns hold; use --format xyz", k / set.dim(), angstrom));
            }
        }
    }
}
