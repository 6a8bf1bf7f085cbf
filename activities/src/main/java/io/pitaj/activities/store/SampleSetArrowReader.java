package io.pitaj.activities.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * Reads every record batch of an Arrow IPC file into one sample set. The file's structure is assumed sound here
 * (the codec checks the magic); what this class checks is that the contents fit the layout.
 */
final class SampleSetArrowReader {
    private SampleSetArrowReader() {}

    static SampleSet read(Path file, FileChannel in) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(in, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            SampleSetLayout.Metadata meta = SampleSetLayout.metadata(file, root.getSchema().getCustomMetadata());
            SampleSetLayout.Columns columns = SampleSetLayout.columns(file, root.getSchema());
            int dim = columns.dim();
            List<ArrowBlock> blocks = reader.getRecordBlocks();
            int count = rowCount(file, in, blocks, dim);
            double[] x = new double[count * dim];
            double[] logWeight = new double[count];
            double[] energy = new double[count];
            double[] force = columns.hasForce() ? new double[count * dim] : null;
            int start = 0;
            for (ArrowBlock block : blocks) {
                // loading parses the same header rowCount read, so the batches fill the arrays exactly
                reader.loadRecordBatch(block);
                int rows = root.getRowCount();
                copyVector(file, root, SampleSetLayout.X, x, start, rows, dim);
                copyScalar(file, root, SampleSetLayout.LOG_WEIGHT, logWeight, start, rows);
                copyScalar(file, root, SampleSetLayout.ENERGY, energy, start, rows);
                if (force != null) copyVector(file, root, SampleSetLayout.FORCE, force, start, rows, dim);
                start += rows;
            }
            try {
                return SampleSet.adopt(meta.system(), meta.temperature(), meta.units(), meta.atoms(), meta.producer(),
                        meta.seed(), dim, x, logWeight, energy, force).requireFinite().withAttributes(meta.attributes());
            } catch (IllegalArgumentException e) {
                throw new SampleSetFormatException(file, e.getMessage(), e);
            }
        }
    }

    /*
     * The row counts sit in the batches' small headers, so the output arrays can be sized exactly before any data is
     * read: gathering batches and joining them afterwards would need twice the memory of the set at the end.
     */
    private static int rowCount(Path file, FileChannel in, List<ArrowBlock> blocks, int dim) throws IOException {
        // Java arrays stop just short of 2^31 elements
        long limit = (Integer.MAX_VALUE - 8) / dim;
        long rows = 0;
        for (ArrowBlock block : blocks) {
            in.position(block.getOffset());
            MessageMetadataResult message = MessageSerializer.readMessage(new ReadChannel(in));
            if (message == null || message.headerType() != MessageHeader.RecordBatch) {
                throw corrupt(file, "its footer points at something other than a record batch");
            }
            long length = ((RecordBatch) message.getMessage().header(new RecordBatch())).length();
            if (length < 0) throw corrupt(file, "a record batch announces " + length + " rows");
            if (length > limit - rows) {
                throw new SampleSetFormatException(file, "more than " + limit + " samples of dim " + dim
                        + " do not fit in one in-memory sample set; split the set into smaller files");
            }
            rows += length;
        }
        return (int) rows;
    }

    private static void copyVector(Path file, VectorSchemaRoot root, String name, double[] out, int start, int rows,
                                   int dim) {
        FixedSizeListVector list = (FixedSizeListVector) root.getVector(name);
        if (list.getNullCount() > 0) {
            for (int i = 0; i < rows; i++) {
                if (list.isNull(i)) throw nullValue(file, name, start + i);
            }
        }
        Float8Vector values = (Float8Vector) list.getDataVector();
        if (values.getValueCount() < rows * dim) {
            throw corrupt(file, "column '" + name + "' has fewer values than rows × " + dim);
        }
        copy(file, name, values, out, start * dim, rows * dim, dim);
    }

    private static void copyScalar(Path file, VectorSchemaRoot root, String name, double[] out, int start, int rows) {
        copy(file, name, (Float8Vector) root.getVector(name), out, start, rows, 1);
    }

    private static void copy(Path file, String name, Float8Vector values, double[] out, int offset, int n, int dim) {
        if (values.getNullCount() > 0) {
            for (int k = 0; k < n; k++) {
                if (values.isNull(k)) throw nullValue(file, name, (offset + k) / dim);
            }
        }
        // raw little-endian words: every bit pattern (−0.0, subnormals) arrives as written
        ArrowBuf data = values.getDataBuffer();
        for (int k = 0; k < n; k++) out[offset + k] = data.getDouble((long) k * Float8Vector.TYPE_WIDTH);
    }

    private static SampleSetFormatException nullValue(Path file, String column, int row) {
        return new SampleSetFormatException(file, "column " + column + " row " + row + " is null; sample sets hold"
                + " no nulls");
    }

    private static SampleSetFormatException corrupt(Path file, String problem) {
        return new SampleSetFormatException(file, "damaged Arrow IPC file: " + problem);
    }
}
