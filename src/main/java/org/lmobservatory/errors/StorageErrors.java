package org.lmobservatory.errors;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Failures to write a file the server makes for itself (bulk downloads), as problems a client can retry: a full disk
 * (or an exhausted quota) is {@link ErrorKind#STORAGE_FULL}, any other write failure (a read-only file system, a
 * directory that is a file, missing rights) {@link ErrorKind#STORAGE_UNAVAILABLE}. Java reports ENOSPC and EDQUOT only
 * through the message of a plain IOException (the C library's strerror text), so the message is what is read.
 */
public final class StorageErrors {
    private static final String[] FULL = {"no space left on device", "disk quota exceeded", "not enough space", "file too large"};

    private StorageErrors() {
    }

    public static ObservatoryException translate(IOException e) {
        if (isFull(e)) {
            return new ObservatoryException(ErrorKind.STORAGE_FULL,
                    "The server's disk is full, so this download cannot be prepared now. Nothing was kept of the attempt; "
                            + "try again later.", Map.of(), e);
        }
        return new ObservatoryException(ErrorKind.STORAGE_UNAVAILABLE,
                "The server cannot write downloads to its storage right now; try again later.", Map.of(), e);
    }

    /** True when the failure, or one of its causes, says the device or the quota is full. */
    public static boolean isFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            for (String full : FULL) {
                if (message.contains(full)) return true;
            }
        }
        return false;
    }
}
