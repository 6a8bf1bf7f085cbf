package io.pitaj.models.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.forcefield.NonbondedCutoff;
import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.targets.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SystemCatalogTest {
    private final SystemCatalog catalog = SystemCatalog.builtIn();

    static Stream<SystemInfo<?>> systems() {
        return SystemCatalog.builtIn().all().stream();
    }

    @Test
    void shipsTheAnalyticSystemsAndThePeptides() {
        assertEquals(List.of("gmm40", "mog4", "dw4", "lj13", "lj55", "aldp", "al3", "al4", "aldp-ff96"), catalog.names());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void metadataDescribesTheTargetItBuilds(SystemInfo<?> system) {
        try (Target target = system.create(TargetOptions.DEFAULTS)) {
            assertEquals(system.name(), target.name());
            assertEquals(system.layout(), target.layout());
            assertEquals(system.unit(), target.unit());
            assertEquals(system.meanFree(), target.meanFree());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void typicalConfigurationsHaveFiniteEnergies(SystemInfo<?> system) {
        ConfigurationBatch batch = system.sampleBatch(TargetOptions.DEFAULTS, 50, 3);
        try (Target target = batch.target()) {
            for (double e : target.energies(batch.x(), batch.size(), new double[batch.size()], null)) {
                assertTrue(Double.isFinite(e), system.name() + " energy " + e);
            }
        }
    }

    @Test
    void ladders() {
        assertEquals(List.of(4.0, 3.0, 2.0, 1.5, 1.2, 1.0), catalog.get("lj13").ladder());
        assertEquals(catalog.get("lj13").ladder(), catalog.get("lj55").ladder());
        assertEquals(List.of(1.0), catalog.get("dw4").ladder());
        assertEquals(1.0, catalog.get("gmm40").targetTemperature());
        assertEquals(List.of(4.0, 2.0, 1.0), catalog.get("mog4").ladder());
        assertTrue(catalog.get("mog4").hasExactSampler());
        assertEquals(List.of(1200.0, 755.95, 555.52, 300.0), catalog.get("aldp").ladder());
        assertEquals(List.of(1200.0, 755.95, 555.52, 408.24, 300.0), catalog.get("al3").ladder());
    }

    @Test
    void peptideCutoffChoiceReachesTheForceField() {
        try (PeptideTarget none = (PeptideTarget) catalog.get("aldp").create(new TargetOptions(NonbondedCutoff.NONE));
             PeptideTarget pita = (PeptideTarget) catalog.get("aldp").create(TargetOptions.DEFAULTS)) {
            assertEquals(NonbondedCutoff.NONE, none.cutoff());
            assertEquals(NonbondedCutoff.PITA, pita.cutoff());
        }
        assertThrows(IllegalArgumentException.class, () -> catalog.get("aldp-ff96").create(new TargetOptions(NonbondedCutoff.PITA)));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        UnknownSystemException e = assertThrows(UnknownSystemException.class, () -> catalog.get("lj7"));
        assertEquals("unknown system 'lj7'; known systems: gmm40, mog4, dw4, lj13, lj55, aldp, al3, al4, aldp-ff96", e.getMessage());
    }

    @Test
    void analyticSystemsRefuseACutoff() {
        assertThrows(IllegalArgumentException.class, () -> catalog.get("lj13").create(new TargetOptions(NonbondedCutoff.NONE)));
    }

    @Test
    void laddersMustRunFromHotToCold() {
        SystemInfo<?> lj = catalog.get("lj13");
        assertThrows(IllegalArgumentException.class, () -> new SystemInfo<>("bad", "", lj.layout(), lj.unit(), true,
                List.of(1.0, 2.0), false, lj.factory(), (t, rng, out, off) -> { }));
    }
}
