package org.lmobservatory.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset's metadata as stored; the current release is the one the API serves by default. measureDimensionId (null
 * when the dataset has one unit) names the dimension whose codes are measures with their own units; measures holds
 * them by code, in codelist order.
 */
public record Dataset(String id, Map<String, String> title, Map<String, String> description, String theme,
                      List<String> keywords, Frequency frequency, Unit unit, String source, String licence,
                      String contact, Map<String, String> methodology, boolean demonstration,
                      Long currentReleaseId, Instant updatedAt, List<Dimension> dimensions,
                      String measureDimensionId, Map<String, Measure> measures, Lifecycle lifecycle) {

    /**
     * Whether the dataset is still produced: discontinuedOn (null while it is) is the date after which no release is
     * expected; successor (may be null) is the id of the dataset that replaces it.
     */
    public record Lifecycle(java.time.LocalDate discontinuedOn, String successor) {
        public static final Lifecycle ACTIVE = new Lifecycle(null, null);

        public boolean discontinued() {
            return discontinuedOn != null;
        }
    }

    /** A dataset still produced. */
    public Dataset(String id, Map<String, String> title, Map<String, String> description, String theme,
                   List<String> keywords, Frequency frequency, Unit unit, String source, String licence,
                   String contact, Map<String, String> methodology, boolean demonstration,
                   Long currentReleaseId, Instant updatedAt, List<Dimension> dimensions,
                   String measureDimensionId, Map<String, Measure> measures) {
        this(id, title, description, theme, keywords, frequency, unit, source, licence, contact, methodology, demonstration,
                currentReleaseId, updatedAt, dimensions, measureDimensionId, measures, Lifecycle.ACTIVE);
    }

    /** A dataset with one unit. */
    public Dataset(String id, Map<String, String> title, Map<String, String> description, String theme,
                   List<String> keywords, Frequency frequency, Unit unit, String source, String licence,
                   String contact, Map<String, String> methodology, boolean demonstration,
                   Long currentReleaseId, Instant updatedAt, List<Dimension> dimensions) {
        this(id, title, description, theme, keywords, frequency, unit, source, licence, contact, methodology, demonstration,
                currentReleaseId, updatedAt, dimensions, null, Map.of());
    }

    public Optional<Dimension> dimension(String dimensionId) {
        return dimensions.stream().filter(d -> d.id().equals(dimensionId)).findFirst();
    }

    public Optional<Dimension> geoDimension() {
        return dimensions.stream().filter(Dimension::isGeo).findFirst();
    }

    /** The dimension whose codes carry their own units, if the dataset has one. */
    public Optional<Dimension> measureDimension() {
        return measureDimensionId == null ? Optional.empty() : dimension(measureDimensionId);
    }

    /** The measure of a series (codes in dimension order), if the dataset has a measure dimension. */
    public Optional<Measure> measureOf(List<String> seriesCodes) {
        return measureDimension().map(d -> measures.get(seriesCodes.get(d.position())));
    }

    /** True when some measure's values are codes of a codelist rather than quantities. */
    public boolean hasCategories() {
        return measures.values().stream().anyMatch(Measure::isCategory);
    }

    /** The unit of a series' values: its measure's, or the dataset's when it has one unit. */
    public Unit unitOf(List<String> seriesCodes) {
        return measureOf(seriesCodes).map(Measure::unit).orElse(unit);
    }
}
