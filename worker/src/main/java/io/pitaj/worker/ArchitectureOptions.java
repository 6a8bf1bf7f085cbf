package io.pitaj.worker;

import io.pitaj.activities.stages.ArchitectureChoice;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.systems.SystemInfo;
import picocli.CommandLine.Option;

/**
 * The network choice shared by the commands that build one: an architecture (default: the system's reference
 * network), a size preset and explicit overrides. "small" is a laptop-sized network of the same kind (EGNN 2 × 16,
 * DiT 2 blocks × 64 with 2 heads, MLP 2 × 32); explicit --hidden/--layers/--heads win over the preset.
 */
public final class ArchitectureOptions {
    @Option(names = "--arch", paramLabel = "egnn|dit|mlp", description = "Backbone (default: the system's reference network).")
    private String arch;

    @Option(names = "--size", paramLabel = "small|reference", defaultValue = "reference",
            description = "Network size preset (default ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--hidden", description = "Hidden width instead of the preset's.")
    private Integer hidden;

    @Option(names = "--layers", description = "EGNN layers, DiT blocks or MLP hidden layers instead of the preset's.")
    private Integer layers;

    @Option(names = "--heads", description = "DiT attention heads instead of the preset's.")
    private Integer heads;

    /** The chosen backbone shaped for the system; bad choices are user errors. */
    public BackboneConfig resolve(SystemInfo<?> info, BackboneConfig reference) {
        try {
            return choice().resolve(info, reference);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** The options as a choice that can be stored (run specs, provenance). */
    public ArchitectureChoice choice() { return new ArchitectureChoice(arch, size, hidden, layers, heads); }
}
