package io.pitaj.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JSON generators for CLI output. Doubles are written in the shortest form that parses back to the same value
 * (Schubfach), which JDK 17's Double.toString does not guarantee; non-finite values become the strings "NaN",
 * "Infinity", "-Infinity".
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // each root value ends its own line (callers write the newline), so no separator before the next
            .rootValueSeparator((String) null)
            .build();

    private JsonOutput() {}

    /** A generator over {@code out}; closing it flushes but leaves {@code out} open. */
    public static JsonGenerator generator(Writer out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
