package io.pitaj.models.artifact;

import java.nio.file.Path;

/** A safetensors file that cannot be read: the message names the file and what is wrong with it. */
public class SafetensorsFormatException extends IllegalArgumentException {
    public SafetensorsFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
