package io.pitaj.models.targets;

/** A Gaussian-mixture description that cannot be used: the message names its source and the one thing wrong with it. */
public class MixtureFormatException extends IllegalArgumentException {
    public MixtureFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public MixtureFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
