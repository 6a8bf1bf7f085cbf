package io.pitaj.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParameterSetTest {
    @Test
    void mlpRegistersItsLinearLayersInOrderWithPyTorchDefaultBounds() {
        ParameterSet params = new ParameterSet();
        new Mlp(params, "net", 3, 8, 2, 1, Mlp.Activation.TANH, new SplittableRandom(7));
        assertEquals(List.of("net/0/weight", "net/0/bias", "net/1/weight", "net/1/bias", "net/2/weight", "net/2/bias"),
                params.names());
        assertEquals(3 * 8 + 8 + 8 * 8 + 8 + 8 + 1, params.count());
        assertWithin(params.get("net/0/weight").values(), 1 / Math.sqrt(3));
        assertWithin(params.get("net/0/bias").values(), 1 / Math.sqrt(3));
        assertWithin(params.get("net/2/weight").values(), 1 / Math.sqrt(8));
        assertArrayEquals(new int[] {8, 1}, params.get("net/2/weight").shape());
    }

    @Test
    void initialisationIsDeterministicPerSeed() {
        double[] a = withSeed(11).toFlat(), b = withSeed(11).toFlat(), c = withSeed(12).toFlat();
        assertArrayEquals(a, b);
        assertNotEquals(a[0], c[0]);
    }

    @Test
    void xavierUniformUsesFanInPlusFanOut() {
        double gain = 2;
        double[] v = Init.xavierUniform(gain).sample(new int[] {30, 50}, new SplittableRandom(1));
        double bound = gain * Math.sqrt(6.0 / 80);
        assertWithin(v, bound);
        double max = 0;
        for (double x : v) max = Math.max(max, Math.abs(x));
        assertTrue(max > 0.95 * bound, "1500 draws should come close to the bound");
    }

    @Test
    void flatViewRoundTripsAndCopiesAreIndependent() {
        ParameterSet p = withSeed(3);
        ParameterSet copy = p.copy();
        double[] flat = p.toFlat();
        flat[0] += 1;
        p.setFlat(flat);
        assertEquals(flat[0], p.get("net/0/weight").values()[0]);
        assertEquals(flat[0] - 1, copy.get("net/0/weight").values()[0]);
        assertTrue(p.sameLayout(copy) && p.sameLayout(p.zerosLike()));
        assertEquals(0, p.zerosLike().toFlat()[0]);
        assertThrows(IllegalArgumentException.class, () -> p.setFlat(new double[1]));
        assertThrows(IllegalArgumentException.class, () -> p.add("net/0/bias", new int[] {1}, new double[1]));
    }

    private static ParameterSet withSeed(long seed) {
        ParameterSet params = new ParameterSet();
        new Mlp(params, "net", 2, 4, 1, 1, Mlp.Activation.SILU, new SplittableRandom(seed));
        return params;
    }

    private static void assertWithin(double[] values, double bound) {
        for (double v : values) assertTrue(Math.abs(v) <= bound, v + " outside ±" + bound);
    }
}
