package org.lmobservatory.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removes the folders tests made for their databases: each holds a PostgreSQL cluster of up to half a gigabyte. */
public final class TempFolders {
    private TempFolders() {
    }

    public static void remove(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove the test folder " + dir + ": " + e);
        }
    }
}
