package org.lmobservatory.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadReplicaConfigTest {

    @Test
    void withoutDatabaseReadUrlThereAreNoReplicas() {
        AppConfig config = AppConfig.from(Map.of());
        assertEquals(List.of(), config.replicas().urls());
        assertEquals(5_000, config.replicas().maxWaitMs());
    }

    @Test
    void severalReplicasAreSeparatedByCommasAndBlanksAreIgnored() {
        AppConfig config = AppConfig.from(Map.of("DATABASE_READ_URL", " jdbc:postgresql://r1:5432/lmo , ,jdbc:postgresql://r2/lmo,",
                "LMO_REPLICA_MAX_WAIT_MS", "250"));
        assertEquals(List.of("jdbc:postgresql://r1:5432/lmo", "jdbc:postgresql://r2/lmo"), config.replicas().urls());
        assertEquals(250, config.replicas().maxWaitMs());
    }

    @Test
    void aReplicaPasswordIsNeverLogged() {
        String logged = AppConfig.from(Map.of("DATABASE_READ_URL", "postgres://reader:s3cret@r1:5432/lmo,jdbc:postgresql://r2/lmo?password=s3cret2"))
                .toString();
        assertFalse(logged.contains("s3cret"), logged);
        assertTrue(logged.contains("r1:5432/lmo") && logged.contains("r2/lmo"), logged);
    }
}
