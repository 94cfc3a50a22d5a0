package org.lmobservatory.graduates;

import org.junit.jupiter.api.Test;
import org.lmobservatory.seed.GraduateSeedGenerator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GraduateSeedGeneratorTest {
    @Test
    void committedGraduateRecordsAreExactlyWhatTheGeneratorProduces() throws Exception {
        String committed = Files.readString(Path.of("seed/graduates/graduates.csv"), StandardCharsets.UTF_8);
        assertEquals(committed, GraduateSeedGenerator.generate(),
                "seed/graduates/graduates.csv differs from the generator's output; regenerate with GraduateSeedGenerator");
    }
}
