package io.pitaj.worker;

import io.pitaj.activities.store.ArtifactStoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one stderr line and an exit code: 2 for bad arguments and bad input, 1 for anything else
 * (a bug). Stack traces only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;
    /** A service (the S3 store) failed after its retries: not a bug of ours, not the input, and not worth a stack trace. */
    static final int SERVICE_ERROR = 3;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        if (verbose(args)) ex.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return USER_ERROR;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = verbose(parseResult);
        if (ex instanceof UserInputException) {
            err.println("pita: " + oneLine(ex.getMessage()));
        } else if (ex instanceof ArtifactStoreException) {
            // the store's own message already names the endpoint or object and the cause, after its bounded retries
            err.println("pita: " + oneLine(ex.getMessage()));
        } else {
            err.println("pita: internal error: " + oneLine(ex.toString())
                    + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
        }
        if (verbose) ex.printStackTrace(err);
        err.flush();
        return ex instanceof UserInputException ? USER_ERROR : ex instanceof ArtifactStoreException ? SERVICE_ERROR : INTERNAL_ERROR;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }

    /** Parsing failed, so there is no parse result: look for the flag itself. */
    private static boolean verbose(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose")) return true;
        }
        return false;
    }
}
