package org.lmobservatory.observations;

/**
 * How the tabular formats lay out a result: long (one row per observation) or wide (one row per series, periods as
 * columns; CSV and XLSX), and for CSV the dialect a spreadsheet of the reader's locale opens without an import wizard.
 */
public record TableOptions(Layout layout, CsvDialect dialect) {
    public static final TableOptions DEFAULT = new TableOptions(Layout.LONG, CsvDialect.RFC_4180);

    public enum Layout {
        LONG, WIDE
    }

    /** Field separator, decimal mark of values, and whether a UTF-8 byte order mark comes first (for Excel). */
    public record CsvDialect(char separator, char decimalMark, boolean byteOrderMark) {
        public static final CsvDialect RFC_4180 = new CsvDialect(',', '.', false);
    }
}
