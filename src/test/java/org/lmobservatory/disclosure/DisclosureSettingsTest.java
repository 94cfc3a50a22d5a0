package org.lmobservatory.disclosure;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisclosureSettingsTest {
    @Test
    void settingsAreValidatedAndSurviveTheAudit() {
        assertThrows(IllegalArgumentException.class, () -> new DisclosureSettings(10, 3, 4, true));
        assertThrows(IllegalArgumentException.class, () -> new DisclosureSettings(2, 3, null, true));
        DisclosureSettings s = new DisclosureSettings(20, 5, 5, true);
        DisclosureReport r = DisclosureReport.empty(s);
        assertEquals(s, AuditEntry.settings(AuditEntry.of(r)));
        DisclosureView view = DisclosureView.of(AuditEntry.of(r));
        assertTrue(view.method().contains("fewer than 20 people"), view.method());
        assertTrue(view.method().contains("multiple of 5"), view.method());
        assertNull(view.maxNoise());
    }

    @Test
    void aPerturbedReleaseRecordsItsNoiseAndProtectionAndSaysSoInWords() {
        DisclosureSettings s = new DisclosureSettings(10, 3, null, true);
        DisclosureReport r = DisclosureReport.perturbed(s, 1000, Map.of(Rule.POPULATION, 200L, Rule.SECONDARY, 50L), 2,
                new ProtectionLevel(4), 480, 0);
        assertEquals(s, AuditEntry.settings(AuditEntry.of(r)));
        DisclosureView view = DisclosureView.of(AuditEntry.of(r));
        assertEquals(2, view.maxNoise());
        assertEquals(4, view.protectionWidth());
        assertTrue(view.method().contains("at most 2 people"), view.method());
        assertTrue(view.method().contains("at least 4 wide"), view.method());
        assertEquals(750, view.audit().stream().filter(e -> e.rule().equals("noise")).findFirst().orElseThrow().cells());
    }

    @Test
    void theProtectedRangeReachesHalfBelowDownToZeroAndTheRestAbove() {
        ProtectionLevel p = ProtectionLevel.DEFAULT;
        assertEquals(0, p.below(0));
        assertEquals(3, p.above(0));
        assertEquals(1, p.below(2));
        assertEquals(2, p.above(2));
        assertEquals(1, p.below(200));
        assertEquals(2, p.above(200));
        assertThrows(IllegalArgumentException.class, () -> new ProtectionLevel(1));
    }
}
