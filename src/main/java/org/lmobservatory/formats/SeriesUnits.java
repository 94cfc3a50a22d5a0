package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.observations.SeriesKey;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The unit of a series' values, looked up once per row by every writer: the measure's unit when the dataset has a
 * measure dimension, else the dataset's single unit.
 */
final class SeriesUnits {
    private final Dataset dataset;
    private final int measurePosition;

    SeriesUnits(Dataset dataset) {
        this.dataset = dataset;
        this.measurePosition = dataset.measureDimension().map(Dimension::position).orElse(-1);
    }

    boolean perMeasure() {
        return measurePosition >= 0;
    }

    Unit of(SeriesKey key) {
        return measure(key).map(Measure::unit).orElse(dataset.unit());
    }

    /** The category a value of the series stands for, when the series' measure is a category; else empty. */
    Optional<Code> category(SeriesKey key, BigDecimal value) {
        return measure(key).flatMap(m -> m.category(value));
    }

    Optional<Measure> measure(SeriesKey key) {
        return measurePosition < 0 ? Optional.empty() : Optional.ofNullable(dataset.measures().get(key.codes().get(measurePosition)));
    }
}
