package org.lmobservatory.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.KosovoDesignation;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.db.Json;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.web.Languages;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * JSON-stat 2.0 dataset. Dimensions are (indicator, the dataset's dimensions…, time): the indicator is a one-category
 * metric dimension that carries the unit — unless the dataset has a measure dimension, which is then the metric and
 * carries each measure's unit, and there is no indicator — and time comes last, so the cube's row-major order is the
 * order in which the rows stream (series in codelist order, periods ascending) and {@code value} is written as a dense
 * array in one pass, null where the cube has no observation. Categories are the codes that occur in the result, periods are
 * those of the release inside the time window (see {@link Periods}). Flags go to {@code status} as {index: flag}.
 * The size of the dense cube is what the cell limit checks for this format.
 */
public final class JsonStatWriter implements ObservationWriter {
    static final String INDICATOR = "indicator";
    static final String TIME = "time";

    @Override
    public String contentType() {
        return OutputFormat.JSONSTAT.contentType();
    }

    @Override
    public void write(ObservationResult result, OutputStream out) throws IOException {
        ObservationQuery q = result.query();
        Dataset d = q.dataset();
        Periods periods = Periods.of(q, result.release());
        List<List<String>> categories = categories(q, result.series());
        long[] seriesOffset = seriesOffsets(categories, result.series(), periods.size());
        long cells = periods.size();
        for (List<String> c : categories) cells *= c.size();
        // A dataset with a measure dimension has its metric already: the units are those of its codes.
        Dimension metric = d.measureDimension().orElse(null);
        String indicator = d.dimension(INDICATOR).isPresent() ? INDICATOR + "_" : INDICATOR;
        RowLabels labels = new RowLabels(q);
        SeriesUnits units = new SeriesUnits(d);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)) {
            g.writeStartObject();
            g.writeStringField("version", "2.0");
            g.writeStringField("class", "dataset");
            g.writeStringField("label", Languages.pick(d.title(), q.lang()));
            g.writeStringField("source", d.source());
            g.writeStringField("updated", result.release().publishedAt().toString());
            g.writeArrayFieldStart("note");
            String description = Languages.pick(d.description(), q.lang());
            if (description != null) g.writeString(description);
            g.writeString("Licence: " + d.licence());
            g.writeEndArray();

            g.writeArrayFieldStart("id");
            if (metric == null) g.writeString(indicator);
            for (Dimension dim : d.dimensions()) g.writeString(dim.id());
            g.writeString(TIME);
            g.writeEndArray();
            g.writeArrayFieldStart("size");
            if (metric == null) g.writeNumber(1);
            for (List<String> c : categories) g.writeNumber(c.size());
            g.writeNumber(periods.size());
            g.writeEndArray();
            g.writeObjectFieldStart("role");
            g.writeArrayFieldStart("time");
            g.writeString(TIME);
            g.writeEndArray();
            if (d.geoDimension().isPresent()) {
                g.writeArrayFieldStart("geo");
                g.writeString(d.geoDimension().get().id());
                g.writeEndArray();
            }
            g.writeArrayFieldStart("metric");
            g.writeString(metric == null ? indicator : metric.id());
            g.writeEndArray();
            g.writeEndObject();

            g.writeObjectFieldStart("dimension");
            if (metric == null) writeIndicator(g, q, indicator);
            for (Dimension dim : d.dimensions()) writeDimension(g, q, dim, categories.get(dim.position()), labels, dim.equals(metric));
            writeTime(g, q, periods);
            g.writeEndObject();

            Map<Long, String> status = new LinkedHashMap<>();
            TreeSet<String> flagsSeen = new TreeSet<>();
            g.writeArrayFieldStart("value");
            long next = 0;
            Iterator<ObservationRow> rows = result.rows().iterator();
            while (rows.hasNext()) {
                ObservationRow row = rows.next();
                long cell = seriesOffset[row.seriesIndex()] + periods.indexOf(row.periodStart());
                if (cell < next) throw new IllegalStateException("rows are not in cube order at cell " + cell);
                for (; next < cell; next++) g.writeNull();
                // JSON-stat 2.0 values may be strings (its schema: number, null or string): a category is its code.
                var category = units.category(result.series().get(row.seriesIndex()), row.value());
                if (category.isPresent()) g.writeString(category.get().id());
                else if (row.value() == null) g.writeNull();
                else g.writeNumber(row.value());
                next++;
                if (row.flags() != null) {
                    status.put(cell, row.flags());
                    for (char f : row.flags().toCharArray()) flagsSeen.add(String.valueOf(f));
                }
            }
            for (; next < cells; next++) g.writeNull();
            g.writeEndArray();
            g.writeObjectFieldStart("status");
            for (Map.Entry<Long, String> s : status.entrySet()) g.writeStringField(Long.toString(s.getKey()), s.getValue());
            g.writeEndObject();

            writeExtension(g, result, flagsSeen);
            g.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Per dataset dimension, the codes of the result's series in codelist order: the order the series are sorted in. */
    private static List<List<String>> categories(ObservationQuery q, List<SeriesKey> series) {
        List<List<String>> categories = new ArrayList<>();
        for (Dimension dim : q.dataset().dimensions()) {
            Codelist codelist = q.codelists().get(dim.position());
            categories.add(series.stream().map(s -> s.codes().get(dim.position())).distinct()
                    .sorted(Comparator.comparingInt(codelist::sortOrder).thenComparing(Comparator.naturalOrder()))
                    .toList());
        }
        return categories;
    }

    /** The cube index of each series' first period: row-major over the dataset dimensions, times the periods. */
    private static long[] seriesOffsets(List<List<String>> categories, List<SeriesKey> series, int periods) {
        List<Map<String, Integer>> positions = new ArrayList<>();
        for (List<String> c : categories) {
            Map<String, Integer> p = new HashMap<>();
            for (int i = 0; i < c.size(); i++) p.put(c.get(i), i);
            positions.add(p);
        }
        long[] offsets = new long[series.size()];
        for (int s = 0; s < series.size(); s++) {
            long index = 0;
            for (int dim = 0; dim < categories.size(); dim++) {
                index = index * categories.get(dim).size() + positions.get(dim).get(series.get(s).codes().get(dim));
            }
            offsets[s] = index * periods;
        }
        return offsets;
    }

    private static void writeIndicator(JsonGenerator g, ObservationQuery q, String id) throws IOException {
        Dataset d = q.dataset();
        g.writeObjectFieldStart(id);
        g.writeStringField("label", CubeWords.indicator(q.lang()));
        g.writeObjectFieldStart("category");
        g.writeArrayFieldStart("index");
        g.writeString(d.id());
        g.writeEndArray();
        g.writeObjectFieldStart("label");
        g.writeStringField(d.id(), Languages.pick(d.title(), q.lang()));
        g.writeEndObject();
        g.writeObjectFieldStart("unit");
        g.writeObjectFieldStart(d.id());
        g.writeStringField("label", Languages.pick(d.unit().label(), q.lang()));
        g.writeNumberField("decimals", d.unit().decimals());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The measure dimension (metric) also gives each category its unit: label and decimals, as JSON-stat defines them. */
    private static void writeDimension(JsonGenerator g, ObservationQuery q, Dimension dim, List<String> codes, RowLabels labels,
                                       boolean metric) throws IOException {
        g.writeObjectFieldStart(dim.id());
        g.writeStringField("label", Languages.pick(dim.label(), q.lang()));
        g.writeObjectFieldStart("category");
        g.writeArrayFieldStart("index");
        for (String code : codes) g.writeString(code);
        g.writeEndArray();
        g.writeObjectFieldStart("label");
        for (String code : codes) g.writeStringField(code, labels.label(dim.position(), code));
        g.writeEndObject();
        if (dim.isGeo() && KosovoDesignation.anyKosovo(codes)) {
            // JSON-stat's per-category notes: the designation footnote belongs to each Kosovo area shown.
            g.writeObjectFieldStart("note");
            for (String code : codes) {
                if (!KosovoDesignation.isKosovo(code)) continue;
                g.writeArrayFieldStart(code);
                g.writeString(KosovoDesignation.footnote(q.lang()));
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        if (metric) {
            g.writeObjectFieldStart("unit");
            for (String code : codes) {
                Measure m = q.dataset().measures().get(code);
                if (m == null) continue;
                g.writeObjectFieldStart(code);
                g.writeStringField("label", Languages.pick(m.unit().label(), q.lang()));
                g.writeNumberField("decimals", m.unit().decimals());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("extension");
        g.writeStringField("codelist", dim.codelistId());
        g.writeStringField("href", "/v1/codelists/" + dim.codelistId());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeTime(JsonGenerator g, ObservationQuery q, Periods periods) throws IOException {
        g.writeObjectFieldStart(TIME);
        g.writeStringField("label", CubeWords.time(q.lang()));
        g.writeObjectFieldStart("category");
        g.writeArrayFieldStart("index");
        for (int i = 0; i < periods.size(); i++) g.writeString(periods.label(i));
        g.writeEndArray();
        g.writeObjectFieldStart("label");
        for (int i = 0; i < periods.size(); i++) g.writeStringField(periods.label(i), periods.label(i));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** What JSON-stat has no place for: our ids, the release, the licence, the unit in full, the flag legend, warnings. */
    private static void writeExtension(JsonGenerator g, ObservationResult result, TreeSet<String> flagsSeen) throws IOException {
        ObservationQuery q = result.query();
        Dataset d = q.dataset();
        g.writeObjectFieldStart("extension");
        g.writeStringField("dataset", d.id());
        g.writeStringField("language", q.lang());
        g.writeObjectFieldStart("release");
        g.writeNumberField("id", result.release().id());
        g.writeStringField("publishedAt", result.release().publishedAt().toString());
        g.writeEndObject();
        g.writeStringField("licence", d.licence());
        g.writeObjectFieldStart("unit");
        g.writeStringField("id", d.unit().id());
        g.writeStringField("label", Languages.pick(d.unit().label(), q.lang()));
        g.writeNumberField("multiplier", d.unit().multiplier());
        g.writeNumberField("decimals", d.unit().decimals());
        g.writeEndObject();
        if (!d.measures().isEmpty()) {
            // The unit ids and multipliers JSON-stat's category.unit has no place for.
            g.writeObjectFieldStart("measures");
            for (Measure m : d.measures().values()) {
                g.writeObjectFieldStart(m.code());
                g.writeStringField("kind", m.kind().id());
                g.writeStringField("unit", m.unit().id());
                g.writeNumberField("multiplier", m.unit().multiplier());
                if (m.isCategory()) {
                    // The labels of the codes in value, which JSON-stat has no place for.
                    g.writeStringField("codelist", m.codelist());
                    g.writeObjectFieldStart("categories");
                    for (var c : m.categories()) g.writeStringField(c.id(), Languages.pick(c.labels(), q.lang()));
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("flags");
        for (String f : flagsSeen) g.writeStringField(f, Flags.meaning(f));
        g.writeEndObject();
        g.writeArrayFieldStart("warnings");
        for (String w : result.warnings()) g.writeString(w);
        g.writeEndArray();
        g.writeEndObject();
    }
}
