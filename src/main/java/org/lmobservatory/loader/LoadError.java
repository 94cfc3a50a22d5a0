package org.lmobservatory.loader;

/** One reason a file was rejected, with where it is: file, line (0 = the file as a whole) and column. */
public record LoadError(String file, int line, String column, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
