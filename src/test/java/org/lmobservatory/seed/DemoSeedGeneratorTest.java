package org.lmobservatory.seed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DemoSeedGeneratorTest {

    @Test
    void committedSeedDataIsExactlyWhatTheGeneratorProduces() throws Exception {
        Map<String, String> generated = DemoSeedGenerator.generate(Path.of("seed"));

        assertFalse(generated.isEmpty());
        for (Map.Entry<String, String> file : generated.entrySet()) {
            String committed = Files.readString(Path.of("seed/data").resolve(file.getKey()), StandardCharsets.UTF_8);
            assertEquals(committed, file.getValue(), file.getKey() + " differs from the generator's output; regenerate with DemoSeedGenerator");
        }
    }
}
