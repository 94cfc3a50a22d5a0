package org.lmobservatory.seed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmploymentAreaSeedGeneratorTest {

    @Test
    void committedGroupingIsExactlyWhatTheGeneratorProducesAndSaysItIsIllustrative() throws Exception {
        String generated = EmploymentAreaSeedGenerator.generate(Path.of("seed"));
        String committed = Files.readString(Path.of("seed/groupings").resolve(EmploymentAreaSeedGenerator.FILE), StandardCharsets.UTF_8);
        assertEquals(committed, generated, "regenerate with EmploymentAreaSeedGenerator");
        assertTrue(committed.contains("ILLUSTRATIVE ONLY"), committed);
    }
}
