package io.pitaj.models.artifact;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Whole-buffer reads and writes on a file channel, in slices. The JDK moves a heap buffer through a temporary
 * direct buffer as large as the request and caches it per thread, so one 100 MB tensor in a single call would pin
 * 100 MB of native memory for the life of the thread; slices of {@link #SLICE} bytes bound that copy.
 */
final class ChannelIo {
    private static final int SLICE = 1 << 20;

    private ChannelIo() {}

    /** Reads {@code length} bytes starting at {@code position} into a fresh little-endian buffer, ready to read. */
    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.position() < length) {
            buffer.limit(Math.min(length, buffer.position() + SLICE));
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("file ended at byte " + (position + buffer.position())
                        + " while reading up to byte " + (position + length));
            }
        }
        return buffer.flip();
    }

    /** Writes the buffer's remaining bytes at the channel's position. */
    static void write(FileChannel channel, ByteBuffer buffer) throws IOException {
        int end = buffer.limit();
        while (buffer.position() < end) {
            buffer.limit(Math.min(end, buffer.position() + SLICE));
            channel.write(buffer);
        }
    }
}
