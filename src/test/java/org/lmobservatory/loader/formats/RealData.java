package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real reference files in shared/realdata, never copied into the project. The shared folder is ../shared
 * beside the project (as on CI), or wherever LMO_SHARED_DIR (environment) or lmo.shared.dir (system property) says.
 */
final class RealData {
    private RealData() {
    }

    static Path file(String relative) {
        String dir = System.getProperty("lmo.shared.dir", System.getenv().getOrDefault("LMO_SHARED_DIR", "../shared"));
        Path path = Path.of(dir, "realdata", relative);
        Assumptions.assumeTrue(Files.exists(path), path + " absent (shared/realdata not beside the project; set LMO_SHARED_DIR): skipping");
        return path;
    }
}
