package io.pitaj.models.forcefield;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every conformation of every OpenMM fixture: total and per-term energies, forces and Born radii. */
class AmberReferenceTest {
    /**
     * Each tolerance is 10–100× the largest difference seen over all fixtures, and those differences are rounding. The
     * "stretched" conformations hold ~3·10⁶ kJ/mol in their bonds and ~2·10⁶ kJ/mol/nm on the stretched atoms, where an
     * ulp is 5e-10 and 2e-10; there the bond energy (hence the total) and the forces differ by a few ulps, up to
     * 1.4e-9 kJ/mol and 7e-10 kJ/mol/nm. Every other term stays below 5.2e-12 kJ/mol, the Born radii below 3.1e-16 nm.
     */
    private static final double BOND_ENERGY_TOL = 1e-7, ENERGY_TOL = 1e-10, FORCE_TOL = 1e-8, RADIUS_TOL = 1e-14;

    static Stream<Arguments> conformations() {
        return conformations(ReferenceFixtures.all().stream());
    }

    /** Vacuum fixtures have no Born radii, so they are not offered to the Born-radius comparison at all. */
    static Stream<Arguments> implicitSolventConformations() {
        return conformations(ReferenceFixtures.all().stream().filter(f -> f.options().solvent() == ImplicitSolvent.OBC1));
    }

    private static Stream<Arguments> conformations(Stream<ReferenceFixtures.Fixture> fixtures) {
        return fixtures.flatMap(f -> f.conformations().stream().map(c -> Arguments.of(Named.of(f.system() + " / " + c.id(), f), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformations")
    void energiesMatchOpenMm(ReferenceFixtures.Fixture fixture, ReferenceFixtures.Conformation c) {
        EnergyBreakdown e = fixture.forceField().breakdown(c.positions());
        JsonNode groups = c.node().get("energy_kj_mol"), split = c.node().get("energy_split_kj_mol");
        assertEquals(groups.get("total").asDouble(), e.total(), BOND_ENERGY_TOL, "total");
        assertEquals(groups.get("bond").asDouble(), e.bond(), BOND_ENERGY_TOL, "bond");
        assertEquals(groups.get("angle").asDouble(), e.angle(), ENERGY_TOL, "angle");
        assertEquals(groups.get("torsion").asDouble(), e.torsion(), ENERGY_TOL, "torsion");
        assertEquals(groups.get("nonbonded").asDouble(), e.nonbonded(), ENERGY_TOL, "nonbonded");
        assertEquals(split.get("coulomb").asDouble(), e.coulomb(), ENERGY_TOL, "coulomb");
        assertEquals(split.get("lj").asDouble(), e.lj(), ENERGY_TOL, "lj");
        assertEquals(split.get("coulomb14").asDouble(), e.coulomb14(), ENERGY_TOL, "coulomb14");
        assertEquals(split.get("lj14").asDouble(), e.lj14(), ENERGY_TOL, "lj14");
        boolean gb = fixture.options().solvent() == ImplicitSolvent.OBC1;
        assertEquals(gb ? groups.get("gb").asDouble() : 0.0, e.gb(), ENERGY_TOL, "gb");
        assertEquals(gb ? split.get("gb_self").asDouble() : 0.0, e.gbSelf(), ENERGY_TOL, "gb_self");
        assertEquals(gb ? split.get("gb_pair").asDouble() : 0.0, e.gbPair(), ENERGY_TOL, "gb_pair");
        assertEquals(gb ? split.get("gb_sa").asDouble() : 0.0, e.gbSa(), ENERGY_TOL, "gb_sa");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformations")
    void forcesMatchOpenMm(ReferenceFixtures.Fixture fixture, ReferenceFixtures.Conformation c) {
        AmberForceField ff = fixture.forceField();
        double[] grad = new double[c.positions().length];
        ff.newEvaluator().energy(c.positions(), 0, grad, 0);
        double[] forces = ReferenceFixtures.flat(c.node().get("forces_kj_mol_nm"));
        for (int k = 0; k < grad.length; k++) {
            assertEquals(forces[k], -grad[k], FORCE_TOL, "force on atom " + k / 3 + ", component " + "xyz".charAt(k % 3));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implicitSolventConformations")
    void bornRadiiMatchOpenMm(ReferenceFixtures.Fixture fixture, ReferenceFixtures.Conformation c) {
        double[] expected = ReferenceFixtures.flat(c.node().get("born_radii_nm"));
        double[] actual = fixture.forceField().bornRadii(c.positions());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], RADIUS_TOL, "Born radius of atom " + i);
    }
}
