package io.pitaj.activities.store;

import java.nio.file.Path;

/**
 * A file that is not a readable sample set. The message is the whole report, one line naming the file and the
 * problem, because the CLI prints it as is and exits with code 2.
 */
public final class SampleSetFormatException extends RuntimeException {
    public SampleSetFormatException(Path file, String problem) {
        super(file + ": " + oneLine(problem));
    }

    public SampleSetFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + oneLine(problem), cause);
    }

    // Problems may quote library messages, some of which span lines; a report must stay one line.
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
