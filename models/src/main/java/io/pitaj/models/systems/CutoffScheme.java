package io.pitaj.models.systems;

/** Non-bonded cutoff choices for systems that have one (the peptides); analytic targets have none. */
public enum CutoffScheme {
    /** PITA's setup B: non-periodic cutoff at 2.0 nm (benchmarks.md §2.4). */
    PITA,
    /** Every pair interacts at any distance. */
    NONE
}
