package io.pitaj.models.artifact;

import io.pitaj.models.onnx.HostTensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How the tensors tile the data section: back to back from offset 0, with no gap, no overlap and nothing after. */
final class TensorLayout {
    private TensorLayout() {}

    /** Header entries for the tensors, in the given order. */
    static List<TensorEntry> pack(List<Map.Entry<String, HostTensor>> items) {
        List<TensorEntry> entries = new ArrayList<>(items.size());
        long offset = 0;
        for (Map.Entry<String, HostTensor> item : items) {
            String name = Objects.requireNonNull(item.getKey(), "tensor name");
            HostTensor t = Objects.requireNonNull(item.getValue(), () -> "tensor " + name);
            if (name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("\"" + name + "\" is reserved for the metadata, not a tensor name");
            }
            if (t.byteSize() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor \"" + name + "\" has " + t.byteSize()
                        + " bytes; one tensor may have at most " + Integer.MAX_VALUE);
            }
            entries.add(new TensorEntry(name, t.dtype(), t.shape(), offset, offset + t.byteSize()));
            offset += t.byteSize();
        }
        return entries;
    }

    /** The entries sorted by offset, once they are known to tile a data section of {@code dataLength} bytes. */
    static List<TensorEntry> inDataOrder(Path file, List<TensorEntry> entries, long dataLength) {
        List<TensorEntry> sorted = new ArrayList<>(entries);
        // By end as well, so that an empty tensor sorts before the tensor that starts where it sits.
        sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long covered = 0;
        String previous = null;
        for (TensorEntry e : sorted) {
            if (e.begin() < covered) {
                throw new SafetensorsFormatException(file, "tensor \"" + e.name() + "\" begins at data byte "
                        + e.begin() + ", inside tensor \"" + previous + "\", which ends at " + covered);
            }
            if (e.begin() > covered) {
                throw new SafetensorsFormatException(file, "data bytes " + covered + " to " + e.begin()
                        + " belong to no tensor (gap before tensor \"" + e.name() + "\")");
            }
            covered = e.end();
            previous = e.name();
        }
        if (covered < dataLength) {
            throw new SafetensorsFormatException(file, (dataLength - covered) + " trailing bytes after the last"
                    + " tensor (the tensors cover " + covered + " of " + dataLength + " data bytes)");
        }
        if (covered > dataLength) {
            throw new SafetensorsFormatException(file, "the tensors need " + covered + " data bytes but the file"
                    + " holds only " + dataLength + " after its header");
        }
        return sorted;
    }
}
