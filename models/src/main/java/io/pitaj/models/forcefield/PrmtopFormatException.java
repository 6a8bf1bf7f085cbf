package io.pitaj.models.forcefield;

/**
 * A prmtop file that cannot be read: the message names the file, the line (when one is to blame) and what is wrong.
 */
public class PrmtopFormatException extends IllegalArgumentException {
    public PrmtopFormatException(String message) {
        super(message);
    }

    public PrmtopFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
