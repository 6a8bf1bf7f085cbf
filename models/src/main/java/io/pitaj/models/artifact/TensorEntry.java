package io.pitaj.models.artifact;

import io.pitaj.models.onnx.ElementType;

/** One tensor's line in the header: where its bytes lie in the data section, {@code [begin, end)}. */
record TensorEntry(String name, ElementType dtype, long[] shape, long begin, long end) {
    long byteLength() { return end - begin; }
}
