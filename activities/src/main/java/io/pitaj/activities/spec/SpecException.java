package io.pitaj.activities.spec;

/** A run spec that cannot run: the message names the field and what it may be. */
public final class SpecException extends IllegalArgumentException {
    public SpecException(String message) { super(message); }

    public SpecException(String message, Throwable cause) { super(message, cause); }
}
