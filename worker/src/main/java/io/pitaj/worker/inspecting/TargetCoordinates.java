package io.pitaj.worker.inspecting;

import io.pitaj.worker.UserInputException;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * Maps XYZ frames onto a target's coordinate vectors: atoms in the target's order, element symbols checked for
 * molecular targets, lengths converted from the file's unit (ångström for molecules, as XYZ viewers expect;
 * reduced units otherwise) to the target's, and for 2-D systems z required to be 0 and dropped.
 */
final class TargetCoordinates {
    private static final int XYZ_DIM = 3;

    private TargetCoordinates() {}

    /** Target length units per XYZ length unit. */
    static double lengthScale(EnergyUnit unit) {
        return switch (unit) {
            case KJ_PER_MOL -> 0.1; // Å → nm
            case REDUCED -> 1.0;
        };
    }

    /** The frames as one flat batch of {@code frames.size() × target.dimension()} values. */
    static double[] of(List<XyzFrame> frames, Target target, Path file) {
        ParticleLayout layout = target.layout();
        if (layout.spatialDim() > XYZ_DIM) { // reachable since a mixture file may have any dimension
            throw new UserInputException(target.name() + " has " + layout.spatialDim() + " coordinates per particle; an XYZ file holds at most 3");
        }
        List<String> elements = target.elementSymbols();
        double scale = lengthScale(target.unit());
        int dim = target.dimension();
        double[] x = new double[frames.size() * dim];
        for (XyzFrame frame : frames) {
            if (frame.atoms() != layout.particles()) {
                throw new UserInputException(XyzReader.where(file, frame.countLine(), frame.index()) + ": " + frame.atoms()
                        + " atoms, but system " + target.name() + " has " + layout.particles()
                        + (elements.isEmpty() ? (layout.particles() == 1 ? " particle" : " particles") : " atoms")
                        + "; write them in the system's order");
            }
            for (int a = 0; a < frame.atoms(); a++) {
                if (!elements.isEmpty() && !elements.get(a).equalsIgnoreCase(frame.symbols().get(a))) {
                    throw new UserInputException(XyzReader.where(file, frame.atomLine(a), frame.index()) + ", atom " + a
                            + ": element " + frame.symbols().get(a) + " where system " + target.name() + " has "
                            + elements.get(a) + "; atoms must follow the system's topology order");
                }
                for (int c = 0; c < XYZ_DIM; c++) {
                    double v = frame.xyz()[XYZ_DIM * a + c];
                    if (c < layout.spatialDim()) {
                        x[frame.index() * dim + layout.spatialDim() * a + c] = v * scale;
                    } else if (v != 0) {
                        throw new UserInputException(XyzReader.where(file, frame.atomLine(a), frame.index()) + ", atom " + a
                                + ": " + "xyz".charAt(c) + " = " + v + " but " + target.name() + " is " + layout.spatialDim()
                                + "-D; write its coordinates with the unused ones set to 0");
                    }
                }
            }
        }
        return x;
    }
}
