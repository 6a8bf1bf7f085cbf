package io.pitaj.models.artifact;

import io.pitaj.models.onnx.HostTensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a safetensors file through a temporary sibling, one tensor buffer at a time. */
final class SafetensorsWriter {
    private SafetensorsWriter() {}

    static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata) {
        List<Map.Entry<String, HostTensor>> items = new ArrayList<>(tensors.entrySet());
        byte[] header = SafetensorsHeader.encode(TensorLayout.pack(items), metadata);
        Path target = file.toAbsolutePath();
        // Not Files.createTempFile: it creates the file owner-only, and the moved file would keep those permissions.
        Path temp = target.resolveSibling(target.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer prefix = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
                ChannelIo.write(channel, prefix.putLong(header.length).put(header).flip());
                for (Map.Entry<String, HostTensor> item : items) {
                    HostTensor t = item.getValue();
                    ByteBuffer data = ByteBuffer.allocate((int) t.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
                    t.writeTo(data);
                    ChannelIo.write(channel, data.flip());
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new UncheckedIOException("cannot write safetensors " + file, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    private static void deleteQuietly(Path temp, Exception cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
