package org.lmobservatory.cli;

/**
 * A domain's commands: a class whose {@code @Command} methods become top-level commands, run on that instance
 * (Reposilite's *Commands are the model). Each domain declares its own; Main only lists the sets, so adding a command
 * touches one package. Methods return their exit code ({@link ExitCodes}); exceptions are reported by ExitCodes.
 */
public interface CommandSet {
}
