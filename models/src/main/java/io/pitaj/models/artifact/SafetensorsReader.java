package io.pitaj.models.artifact;

import io.pitaj.models.onnx.HostTensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;

/** Reads a safetensors file, checking its layout before any tensor data is read. */
final class SafetensorsReader {
    private SafetensorsReader() {}

    static Safetensors.Contents read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new SafetensorsFormatException(file, "the file has " + size
                        + " bytes, fewer than the 8 of the header length");
            }
            long headerLength = ChannelIo.read(channel, 0, 8).getLong();
            if (Long.compareUnsigned(headerLength, SafetensorsHeader.MAX_BYTES) > 0) {
                throw new SafetensorsFormatException(file, "header length " + Long.toUnsignedString(headerLength)
                        + " exceeds the limit of " + SafetensorsHeader.MAX_BYTES + " bytes");
            }
            if (headerLength > size - 8) {
                throw new SafetensorsFormatException(file, "header length " + headerLength
                        + " is larger than the " + (size - 8) + " bytes that follow it");
            }
            byte[] header = ChannelIo.read(channel, 8, (int) headerLength).array();
            long dataStart = 8 + headerLength;
            SafetensorsHeader.Decoded decoded = SafetensorsHeader.decode(file, header);
            LinkedHashMap<String, HostTensor> tensors = new LinkedHashMap<>();
            for (TensorEntry e : TensorLayout.inDataOrder(file, decoded.entries(), size - dataStart)) {
                ByteBuffer data = ChannelIo.read(channel, dataStart + e.begin(), (int) e.byteLength());
                tensors.put(e.name(), HostTensor.readFrom(data, e.dtype(), e.shape()));
            }
            return new Safetensors.Contents(tensors, decoded.metadata());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safetensors " + file, e);
        }
    }
}
