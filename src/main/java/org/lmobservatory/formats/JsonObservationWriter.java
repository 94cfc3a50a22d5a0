package org.lmobservatory.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.db.Json;
import org.lmobservatory.disclosure.DisclosureView;
import org.lmobservatory.observations.LabelMode;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.web.Languages;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Streams the JSON document described in the OpenAPI contract as ObservationsDocument: metadata first, then one
 * flat object per observation, then the count and warnings (known only at the end of the stream).
 */
public final class JsonObservationWriter implements ObservationWriter {

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public void write(ObservationResult result, OutputStream out) throws IOException {
        ObservationQuery q = result.query();
        Dataset d = q.dataset();
        RowLabels labels = new RowLabels(q);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)) {
            g.writeStartObject();
            g.writeStringField("dataset", d.id());
            g.writeStringField("title", Languages.pick(d.title(), q.lang()));
            g.writeStringField("language", q.lang());
            g.writeObjectFieldStart("release");
            g.writeNumberField("id", result.release().id());
            g.writeStringField("publishedAt", result.release().publishedAt().toString());
            g.writeEndObject();
            if (result.citation() != null) g.writeObjectField("citation", result.citation());
            writeUnit(g, "unit", d.unit(), q.lang());
            SeriesUnits units = new SeriesUnits(d);
            if (units.perMeasure()) writeMeasures(g, d, q.lang());
            g.writeStringField("source", d.source());
            g.writeStringField("licence", d.licence());
            g.writeArrayFieldStart("dimensions");
            for (Dimension dim : d.dimensions()) {
                g.writeStartObject();
                g.writeStringField("id", dim.id());
                g.writeStringField("label", Languages.pick(dim.label(), q.lang()));
                g.writeEndObject();
            }
            g.writeEndArray();
            TreeSet<String> flagsSeen = new TreeSet<>();
            long count = 0;
            g.writeArrayFieldStart("observations");
            Iterator<ObservationRow> rows = result.rows().iterator();
            int pageSize = q.page().limit();
            ObservationRow last = null;
            boolean more = false;
            while (rows.hasNext()) {
                ObservationRow row = rows.next();
                if (count == pageSize) {
                    more = true;
                    break;
                }
                writeRow(g, result, labels, units, row);
                if (row.flags() != null) for (char f : row.flags().toCharArray()) flagsSeen.add(String.valueOf(f));
                last = row;
                count++;
            }
            g.writeEndArray();
            g.writeNumberField("count", count);
            g.writeObjectFieldStart("links");
            g.writeStringField("self", result.selfLink());
            if (more) g.writeStringField("next", result.nextLink(last));
            else g.writeNullField("next");
            g.writeEndObject();
            g.writeObjectFieldStart("flags");
            for (String f : flagsSeen) g.writeStringField(f, Flags.meaning(f));
            g.writeEndObject();
            if (result.confidentiality()) g.writeObjectField("confidentiality", DisclosureView.CONF_STATUS);
            g.writeArrayFieldStart("warnings");
            for (String w : result.warnings()) g.writeString(w);
            g.writeEndArray();
            g.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeUnit(JsonGenerator g, String field, Unit unit, String lang) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("id", unit.id());
        g.writeStringField("label", Languages.pick(unit.label(), lang));
        g.writeNumberField("multiplier", unit.multiplier());
        g.writeNumberField("decimals", unit.decimals());
        g.writeEndObject();
    }

    /** Per measure code its kind and unit, so that each observation needs to name only its unit's id. */
    private static void writeMeasures(JsonGenerator g, Dataset d, String lang) throws IOException {
        g.writeObjectFieldStart("measures");
        for (Measure m : d.measures().values()) {
            g.writeObjectFieldStart(m.code());
            g.writeStringField("kind", m.kind().id());
            writeUnit(g, "unit", m.unit(), lang);
            if (m.isCategory()) {
                g.writeStringField("codelist", m.codelist());
                g.writeObjectFieldStart("categories");
                for (var c : m.categories()) g.writeStringField(c.id(), Languages.pick(c.labels(), lang));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeRow(JsonGenerator g, ObservationResult result, RowLabels labels, SeriesUnits units, ObservationRow row)
            throws IOException {
        ObservationQuery q = result.query();
        LabelMode mode = q.labels();
        SeriesKey key = result.series().get(row.seriesIndex());
        g.writeStartObject();
        for (Dimension dim : q.dataset().dimensions()) {
            int d = dim.position();
            String code = key.codes().get(d);
            if (mode.codes()) {
                g.writeFieldName(labels.codeField(d, dim.id()));
                g.writeString(labels.codeJson(d, code));
            }
            if (mode.labels()) {
                g.writeFieldName(labels.labelField(d, dim.id()));
                SerializableString label = labels.labelJson(d, code);
                if (label == null) g.writeNull();
                else g.writeString(label);
            }
        }
        g.writeStringField("time", q.dataset().frequency().label(row.periodStart()));
        var category = units.category(key, row.value());
        if (category.isPresent()) {
            // The contract keeps value a number for every client that reads it as one: a category's code (stored as its
            // position) goes in value_code, with its label as dimensions have theirs.
            g.writeNullField("value");
            g.writeStringField("value_code", category.get().id());
            if (mode.labels()) g.writeStringField("value_label", Languages.pick(category.get().labels(), q.lang()));
        } else if (row.value() == null) g.writeNullField("value");
        else g.writeNumberField("value", row.value());
        if (units.perMeasure()) g.writeStringField("unit", units.of(key).id());
        if (row.flags() == null) g.writeNullField("flag");
        else g.writeStringField("flag", row.flags());
        if (result.confidentiality()) g.writeStringField("confStatus", row.confStatus());
        g.writeEndObject();
    }
}
