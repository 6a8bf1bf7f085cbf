package io.pitaj.activities.stages;

import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.DitConfig;
import io.pitaj.models.nets.EgnnConfig;
import io.pitaj.models.nets.MlpConfig;
import io.pitaj.models.systems.SystemInfo;
import java.util.List;
import java.util.Locale;

/**
 * A network choice as a user states it — an architecture (null: the system's reference network), a size preset and
 * explicit overrides — shared by the CLI's options and the run specs. "small" is a laptop-sized network of the same
 * kind (EGNN 2 × 16, DiT 2 blocks × 64 with 2 heads, MLP 2 × 32); explicit hidden/layers/heads win over the preset.
 */
public record ArchitectureChoice(String arch, String size, Integer hidden, Integer layers, Integer heads) {
    /** The chosen backbone shaped for the system; an {@link IllegalArgumentException} naming the option for bad choices. */
    public BackboneConfig resolve(SystemInfo<?> info, BackboneConfig reference) {
        boolean small = switch (size.toLowerCase(Locale.ROOT)) {
            case "small" -> true;
            case "reference" -> false;
            default -> throw new IllegalArgumentException("--size must be small or reference, got '" + size + "'");
        };
        int n = info.layout().particles(), s = info.layout().spatialDim();
        String name = arch == null ? reference.kind() : arch.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "egnn" -> {
                EgnnConfig e = reference instanceof EgnnConfig r ? r : EgnnConfig.reference(n, s);
                yield new EgnnConfig(n, s, or(hidden, small ? 16 : e.hidden()), or(layers, small ? 2 : e.layers()), e.coordsRange(),
                        e.betaConditioned());
            }
            case "dit" -> {
                DitConfig d = reference instanceof DitConfig r ? r : DitConfig.reference(n, s);
                yield new DitConfig(n, s, or(hidden, small ? 64 : d.hidden()), or(layers, small ? 2 : d.blocks()),
                        or(heads, small ? 2 : d.heads()), d.condDim(), d.mlpRatio(), d.frequencyDim(), d.betaConditioned(), d.dropout());
            }
            case "mlp" -> {
                MlpConfig m = reference instanceof MlpConfig r ? r : MlpConfig.toy(info.dimension(), true);
                yield new MlpConfig(List.of(info.dimension()), or(hidden, small ? 32 : m.hidden()), or(layers, small ? 2 : m.layers()),
                        m.embeddingDim(), m.betaConditioned());
            }
            default -> throw new IllegalArgumentException("--arch must be egnn, dit or mlp, got '" + arch + "'");
        };
    }

    private static int or(Integer value, int fallback) { return value == null ? fallback : value; }
}
