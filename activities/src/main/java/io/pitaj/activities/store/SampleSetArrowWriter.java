package io.pitaj.activities.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/** Streams a sample set into an Arrow IPC file, one bounded record batch at a time. */
final class SampleSetArrowWriter {
    /** Rows per record batch: large sets are written through one batch-sized buffer, not one set-sized one. */
    static final int BATCH_ROWS = 65_536;

    private SampleSetArrowWriter() {}

    /** Writes the whole file and forces it to disk, so that a rename can publish it safely; closes {@code out}. */
    static void write(SampleSet set, FileChannel out) throws IOException {
        int capacity = Math.max(1, Math.min(set.count(), BATCH_ROWS));
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(SampleSetLayout.schema(set), allocator);
             ArrowFileWriter writer = new ArrowFileWriter(root, null, out)) {
            for (FieldVector vector : root.getFieldVectors()) {
                // a FixedSizeList sizes its child from the initial capacity; allocateNew alone gives a tiny child
                vector.setInitialCapacity(capacity);
                vector.allocateNew();
            }
            writer.start();
            for (int start = 0; start < set.count(); start += BATCH_ROWS) {
                int rows = Math.min(BATCH_ROWS, set.count() - start);
                fillVector(root, SampleSetLayout.X, set.xView(), start, rows, set.dim());
                fillScalar(root, SampleSetLayout.LOG_WEIGHT, set.logWeightView(), start, rows);
                fillScalar(root, SampleSetLayout.ENERGY, set.energyView(), start, rows);
                if (set.hasForce()) fillVector(root, SampleSetLayout.FORCE, set.forceView(), start, rows, set.dim());
                root.setRowCount(rows);
                writer.writeBatch();
            }
            writer.end();
            out.force(true);
        }
    }

    private static void fillVector(VectorSchemaRoot root, String name, double[] values, int start, int rows, int dim) {
        FixedSizeListVector list = (FixedSizeListVector) root.getVector(name);
        for (int i = 0; i < rows; i++) list.setNotNull(i);
        fill((Float8Vector) list.getDataVector(), values, start * dim, rows * dim);
    }

    private static void fillScalar(VectorSchemaRoot root, String name, double[] values, int start, int rows) {
        fill((Float8Vector) root.getVector(name), values, start, rows);
    }

    private static void fill(Float8Vector vector, double[] values, int offset, int n) {
        for (int k = 0; k < n; k++) vector.set(k, values[offset + k]);
    }
}
