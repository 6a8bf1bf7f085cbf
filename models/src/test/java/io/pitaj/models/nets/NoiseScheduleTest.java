package io.pitaj.models.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The EDM schedule against the parity fixtures of pita-algorithm.md §1.11 (six significant digits as given there). */
class NoiseScheduleTest {
    @ParameterizedTest(name = "σ_min {0}, t = {1}")
    @CsvSource({
            "0.01, 0.0, 0.01, 3.6549e-3",
            "0.01, 0.1, 0.0507178, 0.0745518",
            "0.01, 0.5, 3.46034, 189.837",
            "0.01, 0.9, 47.3074, 24419.9",
            "0.01, 1.0, 80, 64784.5",
            "0.05, 0.0, 0.05, 0.0654152",
            "0.05, 0.1, 0.165909, 0.606827",
            "0.05, 0.5, 5.06939, 347.601",
            "0.05, 1.0, 80, 58369.7"})
    void matchesTheParityFixtures(double sigmaMin, double t, double sigma, double g2) {
        NoiseSchedule s = NoiseSchedule.edm(sigmaMin);
        assertEquals(sigma, s.sigma(t), 1e-5 * sigma, "σ");
        assertEquals(sigma * sigma, s.variance(t), 2e-5 * sigma * sigma, "h");
        assertEquals(g2, s.g2(t), 1e-5 * g2, "g²");
        Graph g = new Graph();
        Node h = s.variance(g.input("t", DType.F64, Shape.BATCH));
        double inGraph = Interpreter.run(List.of(h), Map.of("t", Tensor.vector(t))).get(0).item();
        assertEquals(s.variance(t), inGraph, 1e-12 * s.variance(t), "h(t) as a graph");
    }
}
