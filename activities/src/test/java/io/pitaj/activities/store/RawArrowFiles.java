package io.pitaj.activities.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Arrow files that the codec would never write: foreign schemas, missing metadata, NaNs, nulls. */
final class RawArrowFiles {
    static final int ROWS = 4;

    private RawArrowFiles() {}

    /** The schema the codec writes for a {@code ROWS × 3} set with forces. */
    static Schema valid() {
        return SampleSetLayout.schema(SampleSets.reduced(ROWS, 3, true, 1));
    }

    static Schema withField(Schema schema, String name, Field replacement) {
        List<Field> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            if (!f.getName().equals(name)) fields.add(f);
            else if (replacement != null) fields.add(replacement);
        }
        return new Schema(fields, schema.getCustomMetadata());
    }

    static Schema withMetadata(Schema schema, UnaryOperator<Map<String, String>> edit) {
        return new Schema(schema.getFields(), edit.apply(new LinkedHashMap<>(schema.getCustomMetadata())));
    }

    static void write(Path file, Schema schema) {
        write(file, schema, root -> {});
    }

    /** Writes one batch of {@code ROWS} rows of small finite numbers, then lets {@code edit} spoil some. */
    static void write(Path file, Schema schema, Consumer<VectorSchemaRoot> edit) {
        write(file, schema, edit, false);
    }

    static void writeStream(Path file, Schema schema) {
        write(file, schema, root -> {}, true);
    }

    private static void write(Path file, Schema schema, Consumer<VectorSchemaRoot> edit, boolean stream) {
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowWriter writer = stream ? new ArrowStreamWriter(root, null, out) : new ArrowFileWriter(root, null, out)) {
            for (FieldVector vector : root.getFieldVectors()) {
                vector.setInitialCapacity(ROWS);
                vector.allocateNew();
                fill(vector, ROWS);
            }
            root.setRowCount(ROWS);
            edit.accept(root);
            writer.start();
            writer.writeBatch();
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(FieldVector vector, int rows) {
        if (vector instanceof FixedSizeListVector list) {
            for (int i = 0; i < rows; i++) list.setNotNull(i);
            fill(list.getDataVector(), rows * list.getListSize());
        } else if (vector instanceof Float8Vector v) {
            for (int i = 0; i < rows; i++) v.set(i, i + 0.5);
        } else if (vector instanceof Float4Vector v) {
            for (int i = 0; i < rows; i++) v.set(i, i + 0.5f);
        } else if (vector instanceof BigIntVector v) {
            for (int i = 0; i < rows; i++) v.set(i, i);
        } else {
            throw new IllegalArgumentException("no filler for " + vector.getField());
        }
        vector.setValueCount(rows);
    }
}
