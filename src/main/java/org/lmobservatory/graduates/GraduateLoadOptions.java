package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.DisclosureSettings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of load-graduates. Thresholds not given are those of the dataset's current release, else the defaults (10, 3).
 * Rounding is refused (0 is accepted and means none): counts are perturbed instead. secondary is only ever false in tests that show
 * what an attacker gets without it.
 */
public record GraduateLoadOptions(Optional<Path> definition, Optional<Integer> minPopulation, Optional<Integer> minCount,
                                  Optional<Integer> rounding, String note, boolean secondary) {

    public static GraduateLoadOptions defaults() {
        return new GraduateLoadOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), null, true);
    }

    public GraduateLoadOptions withDefinition(Path path) {
        return new GraduateLoadOptions(Optional.of(path), minPopulation, minCount, rounding, note, secondary);
    }

    public GraduateLoadOptions withThresholds(int population, int count) {
        return new GraduateLoadOptions(definition, Optional.of(population), Optional.of(count), rounding, note, secondary);
    }

    public GraduateLoadOptions withRounding(int base) {
        return new GraduateLoadOptions(definition, minPopulation, minCount, Optional.of(base), note, secondary);
    }

    public GraduateLoadOptions withNote(String text) {
        return new GraduateLoadOptions(definition, minPopulation, minCount, rounding, text, secondary);
    }

    public GraduateLoadOptions withoutSecondarySuppression() {
        return new GraduateLoadOptions(definition, minPopulation, minCount, rounding, note, false);
    }

    /** These options over the settings of the current release (or the defaults). */
    DisclosureSettings settings(DisclosureSettings previous) {
        // Rounding was attackable (sums across indicators recovered the true counts); cell-key noise replaced it.
        if (rounding.isPresent() && rounding.get() != 0) {
            throw new IllegalArgumentException("--rounding " + rounding.get() + " is no longer offered for graduate data: published counts carry "
                    + "cell-key noise instead, which survives sums across indicators and comparing releases (README, Disclosure control)");
        }
        Integer base = null;
        return new DisclosureSettings(minPopulation.orElse(previous.minPopulation()), minCount.orElse(previous.minCount()), base, secondary);
    }
}
