package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentW2Test {
    private static double[] cloud(int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * dim];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return x;
    }

    @Test
    void aSetWithItselfIsZeroAndAShiftedCopyIsTheShift() {
        double[] a = cloud(300, 3, 1), b = a.clone();
        double[] shift = {0.3, -1.2, 0.5};
        for (int i = 0; i < 300; i++) for (int k = 0; k < 3; k++) b[i * 3 + k] += shift[k];
        assertEquals(0, AssignmentW2.distance(a, null, a, null, 3, AssignmentW2.EUCLIDEAN, 1000, 0), 1e-12);
        assertEquals(Math.sqrt(0.09 + 1.44 + 0.25), AssignmentW2.distance(a, null, b, null, 3, AssignmentW2.EUCLIDEAN, 1000, 0), 1e-9);
    }

    @Test
    void handComputedPairs() {
        // {0, 2} vs {1, 5} in 1-D: the assignment 0→1, 2→5 costs (1 + 9)/2; 0→5, 2→1 costs (25 + 1)/2
        assertEquals(Math.sqrt(5), AssignmentW2.distance(new double[] {0, 2}, null, new double[] {1, 5}, null, 1, AssignmentW2.EUCLIDEAN, 10, 0), 1e-12);
    }

    @Test
    void theTorusTreatsOppositeEdgesAsNeighbours() {
        double deg = Math.PI / 180;
        double[] a = {179 * deg, 0}, b = {-179 * deg, 0};
        assertEquals(2 * deg, AssignmentW2.distance(a, null, b, null, 2, AssignmentW2.TORUS, 10, 0), 1e-12);
        assertEquals(358 * deg, AssignmentW2.distance(a, null, b, null, 2, AssignmentW2.EUCLIDEAN, 10, 0), 1e-12);
        // a set on [0, 2π) and the same angles written on (−π, π] are the same points of the torus
        double[] c = cloud(200, 2, 5);
        double[] c1 = new double[c.length], c2 = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double t = ((c[i] * 3) % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI);
            c1[i] = t;
            c2[i] = t > Math.PI ? t - 2 * Math.PI : t;
        }
        assertEquals(0, AssignmentW2.distance(c1, null, c2, null, 2, AssignmentW2.TORUS, 1000, 0), 1e-12);
    }

    @Test
    void uniformWeightsAgreeWithTheUnweightedPathAndWeightsMoveMass() {
        double[] a = cloud(100, 2, 2), b = cloud(100, 2, 3);
        double[] w = new double[100];
        java.util.Arrays.fill(w, 2.5);
        assertEquals(AssignmentW2.distance(a, null, b, null, 2, AssignmentW2.EUCLIDEAN, 1000, 7),
                AssignmentW2.distance(a, w, b, w, 2, AssignmentW2.EUCLIDEAN, 1000, 7), 1e-12);
        // all mass on one point of a: W2 to b is the root mean squared distance from that point
        double[] one = new double[100];
        one[17] = 1;
        double expected = 0;
        for (int j = 0; j < 100; j++) expected += AssignmentW2.EUCLIDEAN.between(a, 17, b, j, 2) / 100;
        assertEquals(Math.sqrt(expected), AssignmentW2.distance(a, one, b, null, 2, AssignmentW2.EUCLIDEAN, 1000, 7), 1e-12);
    }

    @Test
    void largeSetsAreSubsampledReproducibly() {
        double[] a = cloud(3000, 2, 11), b = cloud(2500, 2, 12);
        double w1 = AssignmentW2.distance(a, null, b, null, 2, AssignmentW2.EUCLIDEAN, 300, 1);
        assertEquals(w1, AssignmentW2.distance(a, null, b, null, 2, AssignmentW2.EUCLIDEAN, 300, 1));
        // two samples of one standard normal: W2 of 300-point subsets is small but not zero
        assertTrue(w1 > 0 && w1 < 0.5, "W2 " + w1);
    }
}
