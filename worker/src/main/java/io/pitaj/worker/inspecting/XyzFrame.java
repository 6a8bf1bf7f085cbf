package io.pitaj.worker.inspecting;

import java.util.List;

/**
 * One frame of an XYZ file as written: element symbols and x, y, z per atom in file units, plus where it sits in
 * the file so that later checks can point at the offending line.
 *
 * @param index         0-based frame number
 * @param countLine     1-based line number of the frame's atom-count line; atom k is on line countLine + 2 + k
 * @param xyz           3 values per atom, atom-major
 */
record XyzFrame(int index, int countLine, List<String> symbols, double[] xyz) {
    int atoms() { return symbols.size(); }

    int atomLine(int atom) { return countLine + 2 + atom; }
}
