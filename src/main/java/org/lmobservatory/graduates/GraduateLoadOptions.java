package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.DisclosureSettings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of load-graduates. Thresholds and rounding not given are those of the dataset's current release, else the
 * defaults (10, 3, no rounding). rounding 0 switches rounding off. secondary is only ever false in tests that show
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
        Integer base = rounding.map(b -> b == 0 ? null : b).orElse(previous.roundingBase());
        return new DisclosureSettings(minPopulation.orElse(previous.minPopulation()), minCount.orElse(previous.minCount()), base, secondary);
    }
}
