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
    private static final double ENERGY_TOL = 1e-4, FORCE_TOL = 1e-3, RADIUS_TOL = 1e-6;

    static Stream<Arguments> conformations() {
        return ReferenceFixtures.all().stream().flatMap(f -> f.conformations().stream()
                .map(c -> Arguments.of(Named.of(f.system() + " / " + c.id(), f), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformations")
    void energiesMatchOpenMm(ReferenceFixtures.Fixture fixture, ReferenceFixtures.Conformation c) {
        EnergyBreakdown e = fixture.forceField().breakdown(c.positions());
        JsonNode groups = c.node().get("energy_kj_mol"), split = c.node().get("energy_split_kj_mol");
        assertEquals(groups.get("total").asDouble(), e.total(), ENERGY_TOL, "total");
        assertEquals(groups.get("bond").asDouble(), e.bond(), ENERGY_TOL, "bond");
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
    @MethodSource("conformations")
    void bornRadiiMatchOpenMm(ReferenceFixtures.Fixture fixture, ReferenceFixtures.Conformation c) {
        if (fixture.options().solvent() != ImplicitSolvent.OBC1) return;
        double[] expected = ReferenceFixtures.flat(c.node().get("born_radii_nm"));
        double[] actual = fixture.forceField().bornRadii(c.positions());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], RADIUS_TOL, "Born radius of atom " + i);
    }
}
