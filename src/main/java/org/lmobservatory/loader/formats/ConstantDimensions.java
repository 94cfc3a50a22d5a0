package org.lmobservatory.loader.formats;

import org.lmobservatory.loader.formats.ObservationReader.ErrorSink;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Source dimensions the dataset does not have (freq=A, unit=PC in Eurostat files). They are harmless while they
 * hold one value throughout: the dataset then implies that value. A second value would silently fold different
 * series into one key, so the first row where one appears is an error.
 */
final class ConstantDimensions {
    private final String datasetId;
    private final List<String> names;
    private final int[] sourceIndex;
    private final String[] firstValue;
    private final int[] firstLine;
    private final boolean[] reported;

    /** names[i] is the source dimension held at sourceIndex[i] of a row. */
    ConstantDimensions(String datasetId, List<String> names, int[] sourceIndex) {
        this.datasetId = datasetId;
        this.names = List.copyOf(names);
        this.sourceIndex = sourceIndex.clone();
        this.firstValue = new String[names.size()];
        this.firstLine = new int[names.size()];
        this.reported = new boolean[names.size()];
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /**
     * Checks a row's values (valueAt(source index); null when the row leaves the value open, as a delete may);
     * reports each dimension once, on the first row that differs.
     */
    boolean check(int line, IntFunction<String> valueAt, ErrorSink errors) {
        boolean ok = true;
        for (int i = 0; i < names.size(); i++) {
            String value = valueAt.apply(sourceIndex[i]);
            if (value == null) continue;
            if (firstValue[i] == null) {
                firstValue[i] = value;
                firstLine[i] = line;
            } else if (!firstValue[i].equals(value)) {
                ok = false;
                if (!reported[i]) {
                    reported[i] = true;
                    String name = names.get(i);
                    errors.add(line, name, name + " is not a dimension of dataset " + datasetId + ", so the file may hold only one "
                            + name + ": it is '" + firstValue[i] + "' from line " + firstLine[i] + " and '" + value + "' here."
                            + " Load each " + name + " into its own dataset, or add " + name + " to the dataset's dimensions.");
                }
            }
        }
        return ok;
    }

    List<String> names() {
        return names;
    }
}
