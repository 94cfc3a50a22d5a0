package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real reference files in ../shared/realdata (LMO_SHARED_DIR or -Dlmo.shared.dir overrides "../shared"). */
final class SharedData {
    private SharedData() {
    }

    /** The file, or the test is skipped with a message when the shared folder is absent. */
    static Path realdata(String relative) {
        String base = System.getProperty("lmo.shared.dir", System.getenv().getOrDefault("LMO_SHARED_DIR", "../shared"));
        Path file = Path.of(base, "realdata", relative);
        Assumptions.assumeTrue(Files.exists(file), file + " absent (set LMO_SHARED_DIR to the folder holding realdata/): skipping");
        return file;
    }
}
