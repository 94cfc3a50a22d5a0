package org.lmobservatory.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A dataset's metadata as stored; the current release is the one the API serves by default. */
public record Dataset(String id, Map<String, String> title, Map<String, String> description, String theme,
                      List<String> keywords, Frequency frequency, Unit unit, String source, String licence,
                      String contact, Map<String, String> methodology, boolean demonstration,
                      Long currentReleaseId, Instant updatedAt, List<Dimension> dimensions) {

    public Optional<Dimension> dimension(String dimensionId) {
        return dimensions.stream().filter(d -> d.id().equals(dimensionId)).findFirst();
    }

    public Optional<Dimension> geoDimension() {
        return dimensions.stream().filter(Dimension::isGeo).findFirst();
    }
}
