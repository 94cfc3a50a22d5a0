package org.lmobservatory.cli;

import org.lmobservatory.errors.DatabaseErrors;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.io.PrintWriter;

/**
 * Exit codes of every command (README, "Exit codes"), and the one place where an error becomes a message and a code
 * on the command line, as web/ProblemHandlers is for the API. Scripts can tell "fix the input" (1, 2) from "it is not
 * there" (3), "not now" (4) and "try again" (5).
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** The input was read and refused: a file or definition with errors, a load that failed validation. */
    public static final int REJECTED = 1;
    /** The command line itself: unknown command or option, missing option, a value of the wrong kind. */
    public static final int USAGE = 2;
    /** A dataset, codelist, release or load that does not exist. */
    public static final int NOT_FOUND = 3;
    /** The data's state forbids it: a load that cannot be published, a release refused by disclosure control. */
    public static final int CONFLICT = 4;
    /** The database is unavailable, in use by another process, busy or timed out; retrying later may succeed. */
    public static final int UNAVAILABLE = 5;
    /** A bug: printed with its stack trace. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    public static int of(ErrorKind kind) {
        int status = kind.status();
        if (status == 404) return NOT_FOUND;
        if (status == 409) return CONFLICT;
        if (status == 503 || status == 504) return UNAVAILABLE;
        if (status >= 400 && status < 500) return REJECTED;
        return INTERNAL;
    }

    /** Prints what went wrong for a person at a terminal and returns the exit code; a stack trace only for bugs. */
    public static int report(Throwable failure, PrintWriter err) {
        var known = DatabaseErrors.translate(failure);
        if (known.isPresent()) {
            ObservatoryException e = known.get();
            err.println("error: " + e.detail());
            if (e.kind().retryAfterSeconds() > 0) err.println("(" + e.kind().title().toLowerCase() + "; try again in " + e.kind().retryAfterSeconds() + " s)");
            return of(e.kind());
        }
        if (failure instanceof IllegalArgumentException) {
            // Thrown for a value the parser accepted but the command cannot use (an unknown input format, --rounding).
            err.println("error: " + failure.getMessage());
            return USAGE;
        }
        err.println("internal error: " + failure);
        failure.printStackTrace(err);
        return INTERNAL;
    }
}
