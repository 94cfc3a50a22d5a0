package org.lmobservatory.formats;

import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.TableOptions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The writer of each output format, and the response headers that go with it (type, file name, CSVW link). */
public final class Writers {
    private static final int MAX_FILE_NAME = 150;
    private final Map<OutputFormat, ObservationWriter> writers = new EnumMap<>(Map.of(
            OutputFormat.JSON, new JsonObservationWriter(),
            OutputFormat.CSV, new CsvObservationWriter(),
            OutputFormat.JSONSTAT, new JsonStatWriter(),
            OutputFormat.XLSX, new XlsxWriter(),
            OutputFormat.SDMX_CSV, new SdmxCsvWriter(OutputFormat.SDMX_CSV),
            OutputFormat.SDMX_CSV_1, new SdmxCsvWriter(OutputFormat.SDMX_CSV_1),
            OutputFormat.SDMX_GENERIC_DATA, new SdmxMlDataWriter(true),
            OutputFormat.SDMX_STRUCTURE_SPECIFIC_DATA, new SdmxMlDataWriter(false)));

    public ObservationWriter forFormat(OutputFormat format) {
        ObservationWriter writer = writers.get(format);
        if (writer == null) throw new IllegalStateException("no writer for " + format);
        return writer;
    }

    public ResponseHeaders headersFor(ObservationResult result) {
        ObservationQuery q = result.query();
        String disposition = q.format().download() ? "attachment; filename=\"" + fileName(result) + "\"" : null;
        String link = q.format().csvTable() ? csvMetadataLink(q) : null;
        return new ResponseHeaders(forFormat(q.format()).contentType(), disposition, link);
    }

    /** The Link header element of a CSV query's CSVW sidecar (rel="describedby"). */
    public static String csvMetadataLink(ObservationQuery query) {
        return "<" + csvMetadataPath(query) + ">; rel=\"describedby\"; type=\"" + CsvMetadata.CONTENT_TYPE + "\"";
    }

    /** Where the CSVW sidecar of this CSV query is: the same query, with its format spelt out. */
    public static String csvMetadataPath(ObservationQuery query) {
        return CsvMetadata.PATH.replace("{datasetId}", query.dataset().id()) + "?" + withFormat(query);
    }

    /**
     * The sidecar of a CSV fetched as requestedUrl (its path and query as the client sent them): the same, with url=
     * naming that exact URL, which the sidecar then gives as its CSVW url.
     */
    public static String csvMetadataPath(ObservationQuery query, String requestedUrl) {
        return csvMetadataPath(query) + "&" + CsvMetadata.URL_PARAMETER + "=" + URLEncoder.encode(requestedUrl, StandardCharsets.UTF_8);
    }

    /** The path and query of a CSV query's own response, as the sidecar's url. */
    public static String csvPath(ObservationQuery query) {
        return "/v1/datasets/" + query.dataset().id() + "/observations?" + withFormat(query);
    }

    private static String withFormat(ObservationQuery query) {
        return query.canonicalQuery().with("format", query.format().parameter()).encoded();
    }

    /** dataset, release and filter, e.g. unemployment-rate_release-12_geo=FI1B_time=2020..2024.csv */
    static String fileName(ObservationResult result) {
        ObservationQuery q = result.query();
        String filter = q.canonicalQuery().without("format", "lang", "labels", "layout", "csvSeparator", "bom").toString()
                .replaceAll("[^A-Za-z0-9.=,-]+", "_")
                .replaceAll("^_+|_+$", "");
        String base = q.dataset().id() + "_release-" + result.release().id() + (filter.isEmpty() ? "" : "_" + filter);
        if (base.length() > MAX_FILE_NAME) base = base.substring(0, MAX_FILE_NAME);
        String variant = q.format().sdmx() ? "_sdmx" : q.table().layout() == TableOptions.Layout.WIDE ? "_wide" : "";
        return base + variant + "." + q.format().extension();
    }
}
