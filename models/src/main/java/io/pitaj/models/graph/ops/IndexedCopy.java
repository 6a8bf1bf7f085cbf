package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Tensor;
import java.util.List;

/** The shared loop of gather (read through indices) and scatter-add (accumulate through indices). */
final class IndexedCopy {
    private IndexedCopy() {}

    static Tensor copy(Tensor x, int axis, List<Integer> indices, int outLength, boolean scatter) {
        int[] s = x.shape();
        int outer = Tensor.product(s, 0, axis), inner = Tensor.product(s, axis + 1, s.length);
        int inLength = s[axis];
        double[] src = x.data(), r = new double[outer * outLength * inner];
        for (int o = 0; o < outer; o++) {
            for (int e = 0; e < indices.size(); e++) {
                int idx = indices.get(e);
                int from = (o * inLength + (scatter ? e : idx)) * inner;
                int to = (o * outLength + (scatter ? idx : e)) * inner;
                for (int k = 0; k < inner; k++) r[to + k] += src[from + k];
            }
        }
        s[axis] = outLength;
        return new Tensor(s, r);
    }
}
