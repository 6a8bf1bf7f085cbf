package io.pitaj.models.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.onnx.HostTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** State carried in native buffers from run to run equals feeding each run's outputs back by hand. */
class CarriedStateRunnerTest {
    /** s ← 0.9·s + mean over the batch of x·w, w ← w − 0.1·s; reports Σs. Two carried values, one per-step input. */
    private static byte[] model() {
        Graph g = new Graph();
        Node s = g.input("s", DType.F64, 2, 3), w = g.input("w", DType.F64, 2, 3);
        Node x = g.input("x", DType.F64, Shape.BATCH, 1, 3);
        Node newS = s.mul(0.9).add(x.mul(w).mean(0));
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("new_s", newS);
        out.put("new_w", w.sub(s.mul(0.1)));
        out.put("total", newS.sumAll());
        return GraphExporter.toBytes(out, GraphExporter.Options.named("carry"));
    }

    private static HostTensor values(double... v) { return HostTensor.ofDoubles(v, 2, 3); }

    private static HostTensor batch(int n, double scale) {
        double[] v = new double[n * 3];
        for (int i = 0; i < v.length; i++) v[i] = scale * Math.sin(i + 1);
        return HostTensor.ofDoubles(v, n, 1, 3);
    }

    @Test
    void carriedRunsEqualRunsFedBackByHand() {
        try (InferenceSession session = OrtRuntime.shared().open(model(), SessionSettings.cpu(1));
             CarriedStateRunner carried = session.newCarriedStateRunner(Map.of("new_s", "s", "new_w", "w"));
             SessionRunner plain = session.newRunner()) {
            HostTensor s = values(1, 2, 3, 4, 5, 6), w = values(-1, 0.5, 0.25, 2, -3, 1);
            carried.setState("s", s);
            carried.setState("w", w);
            for (int step = 0; step < 5; step++) {
                HostTensor x = batch(step + 2, 0.3 * step + 1); // the batch size changes between runs
                double total = carried.run(Map.of("x", x), List.of("total")).get("total").doubles()[0];
                Map<String, HostTensor> out = plain.run(Map.of("s", s, "w", w, "x", x));
                s = out.get("new_s");
                w = out.get("new_w");
                assertEquals(out.get("total").doubles()[0], total, 0.0, "step " + step);
                assertArrayEquals(s.doubles(), carried.state("s").doubles(), 0.0);
                assertArrayEquals(w.doubles(), carried.state("w").doubles(), 0.0);
            }
        }
    }

    @Test
    void misuseIsRefusedWithTheValueNamed() {
        try (InferenceSession session = OrtRuntime.shared().open(model(), SessionSettings.cpu(1));
             CarriedStateRunner carried = session.newCarriedStateRunner(Map.of("new_s", "s", "new_w", "w"))) {
            assertThrows(IllegalArgumentException.class, () -> carried.setState("x", batch(1, 1)));
            assertThrows(IllegalArgumentException.class, () -> carried.setState("s", HostTensor.ofDoubles(new double[3], 3)));
            assertThrows(IllegalArgumentException.class, () -> carried.run(Map.of("x", batch(1, 1)), List.of("new_s")));
            assertThrows(IllegalArgumentException.class, () -> carried.run(Map.of("x", batch(1, 1), "s", values(0, 0, 0, 0, 0, 0)), List.of("total")));
            assertThrows(IllegalArgumentException.class, () -> session.newCarriedStateRunner(Map.of("total", "s")));
            assertThrows(IllegalArgumentException.class, () -> session.newCarriedStateRunner(Map.of("new_s", "x")));
        }
    }
}
