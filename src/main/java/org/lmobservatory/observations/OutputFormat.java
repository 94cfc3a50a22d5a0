package org.lmobservatory.observations;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Output formats of observation queries, by their format= name; formats/Writers holds a writer for each. */
public enum OutputFormat {
    JSON("json", "application/json", "json", false),
    CSV("csv", "text/csv; charset=utf-8", "csv", true),
    // JSON-stat has no registered media type; a +json vendor type keeps it apart from our own JSON in the contract.
    JSONSTAT("jsonstat", "application/vnd.jsonstat+json", "json", false),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", true),
    SDMX_CSV("sdmx-csv", "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8", "csv", true),
    // SDMX-CSV 1.0 is what SDMX 2.1 tools (sdmx-dl, Eurostat's API) read; asked for by the version parameter of the type.
    SDMX_CSV_1("sdmx-csv-1.0", "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8", "csv", true),
    SDMX_GENERIC_DATA("sdmx-genericdata", "application/vnd.sdmx.genericdata+xml; version=2.1", "xml", true),
    SDMX_STRUCTURE_SPECIFIC_DATA("sdmx-structurespecificdata", "application/vnd.sdmx.structurespecificdata+xml; version=2.1", "xml", true);

    private final String parameter;
    private final String contentType;
    private final String extension;
    private final boolean download;

    OutputFormat(String parameter, String contentType, String extension, boolean download) {
        this.parameter = parameter;
        this.contentType = contentType;
        this.extension = extension;
        this.download = download;
    }

    /** The value of format= that asks for it. */
    public String parameter() {
        return parameter;
    }

    /** Paged formats (JSON) answer a page at a time with a next link; the others answer whole results up to a cell limit. */
    public boolean paged() {
        return this == JSON;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** A file for people to save (attachment with a file name, the larger CSV cell limit) rather than an API document. */
    public boolean download() {
        return download;
    }

    /** Whether the response is a CSV table that a CSVW metadata sidecar describes. */
    public boolean csvTable() {
        return this == CSV || this == SDMX_CSV || this == SDMX_CSV_1;
    }

    /** SDMX formats carry codes only and name the dataflow LMO:{dataset}(1.0) of /sdmx/2.1. */
    public boolean sdmx() {
        return this == SDMX_CSV || this == SDMX_CSV_1 || this == SDMX_GENERIC_DATA || this == SDMX_STRUCTURE_SPECIFIC_DATA;
    }

    public static Optional<OutputFormat> byParameter(String name) {
        return Arrays.stream(values()).filter(f -> f.parameter.equalsIgnoreCase(name)).findFirst();
    }

    public static List<String> parameters() {
        return Arrays.stream(values()).map(OutputFormat::parameter).toList();
    }
}
