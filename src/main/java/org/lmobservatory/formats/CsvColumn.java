package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Dimension;

/**
 * One column of a table we write: its header text and what it holds, so the writers and the CSVW sidecar that
 * describes their output work from the same list. dimension is set for CODE and LABEL columns, period (its index in
 * {@link Periods}) for the per-period columns of a wide table (-1 otherwise), constant for CONSTANT columns.
 */
public record CsvColumn(String name, String title, Role role, Dimension dimension, int period, String constant) {

    public enum Role {
        CONSTANT, CODE, LABEL, TIME, VALUE,
        /** The label of a category value (datasets with category measures, when labels are asked for). */
        VALUE_LABEL,
        UNIT, UNIT_CODE, UNIT_MULTIPLIER, FLAG, FLAG_LABEL,
        /** SDMX CONF_STATUS of a release under disclosure control (F, C, D), and what it means. */
        CONF_STATUS, CONF_STATUS_LABEL
    }

    static CsvColumn of(String title, Role role) {
        return new CsvColumn(name(title), title, role, null, -1, null);
    }

    static CsvColumn constant(String title, String value) {
        return new CsvColumn(name(title), title, Role.CONSTANT, null, -1, value);
    }

    static CsvColumn dimension(String title, Role role, Dimension dimension) {
        return new CsvColumn(name(title), title, role, dimension, -1, null);
    }

    static CsvColumn period(String name, String title, Role role, int period) {
        return new CsvColumn(name(name), title, role, null, period, null);
    }

    /** CSVW column names are URI-template variable names: letters, digits and underscores. */
    private static String name(String title) {
        return title.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
