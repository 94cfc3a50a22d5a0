package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.observations.LabelMode;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.TableOptions;

import java.util.ArrayList;
import java.util.List;

/** The columns of each tabular layout we write: long CSV/XLSX, wide CSV/XLSX, SDMX-CSV 2.0 and 1.0. */
public final class CsvTable {
    public static final String SDMX_AGENCY = "LMO";
    public static final String SDMX_VERSION = "1.0";

    private CsvTable() {
    }

    public static List<CsvColumn> columns(ObservationQuery query, Periods periods) {
        if (query.format() == OutputFormat.SDMX_CSV) return sdmx(query.dataset());
        if (query.format() == OutputFormat.SDMX_CSV_1) return sdmx1(query.dataset());
        return query.table().layout() == TableOptions.Layout.WIDE ? wide(query, periods) : longTable(query);
    }

    /** The columns as written for a release under disclosure control (confidentiality) or not. */
    public static List<CsvColumn> columns(ObservationQuery query, Periods periods, boolean confidentiality) {
        List<CsvColumn> columns = columns(query, periods);
        if (confidentiality && query.table().layout() != TableOptions.Layout.WIDE) withConfStatus(query, columns);
        return columns;
    }

    static List<CsvColumn> longTable(ObservationQuery query) {
        List<CsvColumn> columns = dimensions(query);
        columns.add(CsvColumn.of("time", CsvColumn.Role.TIME));
        columns.add(CsvColumn.of("value", CsvColumn.Role.VALUE));
        if (query.dataset().hasCategories() && query.labels().labels()) columns.add(CsvColumn.of("value_label", CsvColumn.Role.VALUE_LABEL));
        columns.add(CsvColumn.of("unit", CsvColumn.Role.UNIT));
        columns.add(CsvColumn.of("flag", CsvColumn.Role.FLAG));
        columns.add(CsvColumn.of("flag_label", CsvColumn.Role.FLAG_LABEL));
        return columns;
    }

    /** The long table of a result: releases under disclosure control add why a cell is confidential. */
    static List<CsvColumn> longTable(ObservationResult result) {
        List<CsvColumn> columns = longTable(result.query());
        if (result.confidentiality()) withConfStatus(result.query(), columns);
        return columns;
    }

    /** SDMX-CSV of a result: CONF_STATUS is the SDMX attribute for why a cell is confidential. */
    static List<CsvColumn> sdmx(ObservationResult result) {
        Dataset dataset = result.query().dataset();
        List<CsvColumn> columns = result.query().format() == OutputFormat.SDMX_CSV_1 ? sdmx1(dataset) : sdmx(dataset);
        if (result.confidentiality()) withConfStatus(result.query(), columns);
        return columns;
    }

    private static void withConfStatus(ObservationQuery query, List<CsvColumn> columns) {
        if (query.format().sdmx()) {
            columns.add(CsvColumn.of("CONF_STATUS", CsvColumn.Role.CONF_STATUS));
            return;
        }
        columns.add(CsvColumn.of("conf_status", CsvColumn.Role.CONF_STATUS));
        columns.add(CsvColumn.of("conf_status_label", CsvColumn.Role.CONF_STATUS_LABEL));
    }

    /** One row per series; each period has a value column (headed by the period) followed by its flag column. */
    static List<CsvColumn> wide(ObservationQuery query, Periods periods) {
        List<CsvColumn> columns = dimensions(query);
        columns.add(CsvColumn.of("unit", CsvColumn.Role.UNIT));
        for (int i = 0; i < periods.size(); i++) {
            String period = periods.label(i);
            columns.add(CsvColumn.period("value_" + period, period, CsvColumn.Role.VALUE, i));
            columns.add(CsvColumn.period("flag_" + period, period + "_flag", CsvColumn.Role.FLAG, i));
        }
        return columns;
    }

    /**
     * SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID and ACTION first, then the dimensions, TIME_PERIOD, OBS_VALUE and the
     * attributes. OBS_STATUS holds the flags in Eurostat's letters (one or more, e.g. "bu"), as the data structure at
     * /sdmx/2.1/datastructure declares it (an uncoded attribute, since SDMX's one-code CL_OBS_STATUS cannot hold "bu").
     */
    static List<CsvColumn> sdmx(Dataset dataset) {
        List<CsvColumn> columns = new ArrayList<>();
        columns.add(CsvColumn.constant("STRUCTURE", "dataflow"));
        columns.add(CsvColumn.constant("STRUCTURE_ID", sdmxStructureId(dataset)));
        columns.add(CsvColumn.constant("ACTION", "I"));
        for (Dimension d : dataset.dimensions()) columns.add(CsvColumn.dimension(d.id(), CsvColumn.Role.CODE, d));
        columns.add(CsvColumn.of("TIME_PERIOD", CsvColumn.Role.TIME));
        columns.add(CsvColumn.of("OBS_VALUE", CsvColumn.Role.VALUE));
        sdmxAttributes(columns);
        return columns;
    }

    /** SDMX-CSV 1.0: DATAFLOW (agency:id(version)) first, then the dimensions, TIME_PERIOD, OBS_VALUE and the attributes. */
    static List<CsvColumn> sdmx1(Dataset dataset) {
        List<CsvColumn> columns = new ArrayList<>();
        columns.add(CsvColumn.constant("DATAFLOW", sdmxStructureId(dataset)));
        for (Dimension d : dataset.dimensions()) columns.add(CsvColumn.dimension(d.id(), CsvColumn.Role.CODE, d));
        columns.add(CsvColumn.of("TIME_PERIOD", CsvColumn.Role.TIME));
        columns.add(CsvColumn.of("OBS_VALUE", CsvColumn.Role.VALUE));
        sdmxAttributes(columns);
        return columns;
    }

    private static void sdmxAttributes(List<CsvColumn> columns) {
        columns.add(CsvColumn.of("OBS_STATUS", CsvColumn.Role.FLAG));
        columns.add(CsvColumn.of("UNIT_MEASURE", CsvColumn.Role.UNIT_CODE));
        columns.add(CsvColumn.of("UNIT_MULT", CsvColumn.Role.UNIT_MULTIPLIER));
    }

    public static String sdmxStructureId(Dataset dataset) {
        return SDMX_AGENCY + ":" + dataset.id() + "(" + SDMX_VERSION + ")";
    }

    private static List<CsvColumn> dimensions(ObservationQuery query) {
        LabelMode mode = query.labels();
        List<CsvColumn> columns = new ArrayList<>();
        for (Dimension d : query.dataset().dimensions()) {
            if (mode.codes()) columns.add(CsvColumn.dimension(d.id(), CsvColumn.Role.CODE, d));
            if (mode.labels()) columns.add(CsvColumn.dimension(d.id() + "_label", CsvColumn.Role.LABEL, d));
        }
        return columns;
    }
}
