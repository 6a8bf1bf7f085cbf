package io.pitaj.models.graph;

/** Element types of graph values. Networks run in F32, energies and tests in F64; I64 indexes, BOOL masks. */
public enum DType {
    F32, F64, I64, BOOL;

    public boolean isFloat() { return this == F32 || this == F64; }
}
