package io.pitaj.models.systems;

import java.util.List;

/** A system name that is not in the catalogue. */
public final class UnknownSystemException extends IllegalArgumentException {
    public UnknownSystemException(String name, List<String> known) {
        super("unknown system '" + name + "'; known systems: " + String.join(", ", known));
    }
}
