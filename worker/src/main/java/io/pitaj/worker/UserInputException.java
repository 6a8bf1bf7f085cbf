package io.pitaj.worker;

/**
 * A problem with what the user gave the CLI (arguments, files, their contents). The message is the whole report:
 * one line naming the problem and what to do; the CLI prints it and exits with code 2.
 */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
