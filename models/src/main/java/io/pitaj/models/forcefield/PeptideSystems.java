package io.pitaj.models.forcefield;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped peptide targets. PITA's systems (setup B) use ff14SB + OBC1 with the 2 nm CutoffNonPeriodic treatment
 * unless another cutoff is asked for; the FAB-family ALDP (setup A) uses the openmmtools ff96 prmtop + OBC1 without
 * cutoff. Coordinate scales are PITA's data_normalization_factor values.
 */
public final class PeptideSystems {
    public static final double ALDP_SCALE_NM = 0.1640, AL3_SCALE_NM = 0.2059, AL4_SCALE_NM = 0.2446;

    /** The shipped reference geometry of each bundled system (the structure its prmtop was built from). */
    private static final Map<String, String> COORDINATES = Map.of(
            "aldp", "aldp_amber14_obc1.inpcrd",
            "al3", "AAA_amber14_obc1.inpcrd",
            "al4", "AAAA_amber14_obc1.inpcrd",
            "aldp-ff96", "alanine-dipeptide.crd");

    private PeptideSystems() {}

    /**
     * The reference geometry (nm, atom order of the topology) of a bundled system: the openmmtools crd structure for
     * ALDP, minimised structures for AL3 and AL4.
     */
    public static double[] referencePositionsNm(String systemName) {
        String resource = COORDINATES.get(systemName);
        if (resource == null) throw new IllegalArgumentException("no bundled geometry for '" + systemName + "'; bundled: " + COORDINATES.keySet());
        try (InputStream in = PeptideSystems.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("bundled coordinates " + resource + " are missing from the classpath");
            return AmberCoordinates.readNm(in, "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled coordinates " + resource, e);
        }
    }

    /** Alanine dipeptide (Ace-Ala-Nme, 22 atoms), ff14SB + OBC1, 2 nm cutoff. */
    public static PeptideTarget aldp() { return aldp(NonbondedCutoff.PITA); }

    public static PeptideTarget aldp(NonbondedCutoff cutoff) {
        return bundled("aldp", "aldp_amber14_obc1.prmtop", ForceFieldOptions.pita().withCutoff(cutoff), ALDP_SCALE_NM);
    }

    /** Zwitterionic Ala₃ (33 atoms), ff14SB + OBC1, 2 nm cutoff. */
    public static PeptideTarget al3() { return al3(NonbondedCutoff.PITA); }

    public static PeptideTarget al3(NonbondedCutoff cutoff) {
        return bundled("al3", "AAA_amber14_obc1.prmtop", ForceFieldOptions.pita().withCutoff(cutoff), AL3_SCALE_NM);
    }

    /** Zwitterionic Ala₄ (43 atoms), ff14SB + OBC1, 2 nm cutoff. */
    public static PeptideTarget al4() { return al4(NonbondedCutoff.PITA); }

    public static PeptideTarget al4(NonbondedCutoff cutoff) {
        return bundled("al4", "AAAA_amber14_obc1.prmtop", ForceFieldOptions.pita().withCutoff(cutoff), AL4_SCALE_NM);
    }

    /** Alanine dipeptide as openmmtools' AlanineDipeptideImplicit without constraints (FAB, TA-BG): ff96 + OBC1, no cutoff. */
    public static PeptideTarget aldpFf96() {
        return bundled("aldp-ff96", "alanine-dipeptide.prmtop", ForceFieldOptions.implicitNoCutoff(), ALDP_SCALE_NM);
    }

    /**
     * A target from a user's prmtop. No data-derived normalisation scale is known for an arbitrary molecule, so the
     * coordinate scale is 1 nm; use the overload to set one.
     */
    public static PeptideTarget fromPrmtop(Path prmtop, String name, ForceFieldOptions options) {
        return fromPrmtop(prmtop, name, options, 1.0);
    }

    public static PeptideTarget fromPrmtop(Path prmtop, String name, ForceFieldOptions options, double coordinateScaleNm) {
        return create(name, PrmtopFile.read(prmtop), options, coordinateScaleNm);
    }

    /** The bundled prmtop as a parsed file (classpath resource next to this class). */
    public static PrmtopFile bundledPrmtop(String resource) {
        try (InputStream in = PeptideSystems.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("bundled prmtop " + resource + " is missing from the classpath");
            return PrmtopFile.read(in, "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled prmtop " + resource, e);
        }
    }

    private static PeptideTarget bundled(String name, String resource, ForceFieldOptions options, double scale) {
        return create(name, bundledPrmtop(resource), options, scale);
    }

    private static PeptideTarget create(String name, PrmtopFile prmtop, ForceFieldOptions options, double scale) {
        return new PeptideTarget(name, AmberTopology.from(prmtop), new AmberForceField(prmtop, options), scale);
    }
}
