package org.lmobservatory.widgets;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.KosovoDesignation;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.web.Languages;
import org.lmobservatory.widgets.CollectedObservations.Cell;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns collected observations into a {@link ChartModel}: series labels, the subtitle of fixed filters, the source line. */
final class ChartModels {
    private ChartModels() {
    }

    static ChartModel from(CollectedObservations obs, ChartType type, String accent) {
        Dataset d = obs.dataset();
        String lang = obs.query().lang();
        WidgetTexts t = new WidgetTexts(lang);
        List<LocalDate> periods = obs.periods();
        List<List<Cell>> grid = obs.grid(periods);
        List<Dimension> varying = new ArrayList<>();
        List<Dimension> fixed = new ArrayList<>();
        for (Dimension dim : d.dimensions()) {
            Set<String> codes = new HashSet<>();
            obs.series().forEach(s -> codes.add(s.codes().get(dim.position())));
            (codes.size() > 1 ? varying : fixed).add(dim);
        }
        // Series of one measure are drawn in its unit; a chart mixing measures of different units falls back to the
        // dataset's for its axis and names each series' own unit on its values.
        Set<Unit> units = new HashSet<>();
        obs.series().forEach(s -> units.add(d.unitOf(s.codes())));
        Unit unit = units.size() == 1 ? units.iterator().next() : d.unit();
        List<ChartModel.Series> series = new ArrayList<>();
        for (int i = 0; i < obs.series().size(); i++) {
            SeriesKey key = obs.series().get(i);
            List<Dimension> naming = varying.isEmpty() ? d.geoDimension().map(List::of).orElse(d.dimensions()) : varying;
            List<String> parts = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (Dimension dim : naming) {
                parts.add(label(obs, dim, key.codes().get(dim.position()), lang));
                codes.add(key.codes().get(dim.position()));
            }
            series.add(new ChartModel.Series(String.join(",", codes), String.join(", ", parts), grid.get(i),
                    units.size() == 1 ? null : d.unitOf(key.codes())));
        }
        List<String> subtitle = new ArrayList<>();
        if (!obs.series().isEmpty()) {
            for (Dimension dim : fixed) {
                subtitle.add(Languages.pick(dim.label(), lang) + ": " + label(obs, dim, obs.series().get(0).codes().get(dim.position()), lang));
            }
        }
        String unitLabel = Languages.pick(unit.label(), lang);
        if (units.size() > 1) {
            // Measures of different units side by side: name each one, never the dataset's placeholder ("per indicator").
            subtitle.add(t.get("units") + ": " + units.stream().map(u -> Languages.pick(u.label(), lang)).sorted().distinct()
                    .collect(java.util.stream.Collectors.joining(", ")));
        } else {
            subtitle.add(t.get("unit") + ": " + unitLabel);
        }
        return new ChartModel(type, lang, Languages.pick(d.title(), lang), String.join(" · ", subtitle), unit.id(), unitLabel,
                unit.decimals(), d.frequency(), periods, series, sourceLines(obs, t, new LocaleFormat(lang)), accent);
    }

    static String label(CollectedObservations obs, Dimension dim, String code, String lang) {
        Codelist codelist = obs.query().codelists().get(dim.position());
        return codelist.code(code).map(c -> Languages.pick(c.labels(), lang)).orElse(code);
    }

    /** "Source: … · Licence: … · Release 7, published 1 July 2025", and the demonstration warning where due. */
    static List<String> sourceLines(CollectedObservations obs, WidgetTexts t, LocaleFormat f) {
        Dataset d = obs.dataset();
        List<String> lines = new ArrayList<>();
        lines.add(t.get("source") + ": " + d.source() + " · " + t.get("licence") + ": " + d.licence() + " · " + t.get("release") + " "
                + obs.release().id() + ", " + t.get("published") + " " + f.date(LocalDate.ofInstant(obs.release().publishedAt(), ZoneOffset.UTC)));
        if (d.demonstration()) lines.add(t.get("demonstration") + ".");
        d.geoDimension().ifPresent(geo -> {
            if (obs.series().stream().anyMatch(s -> KosovoDesignation.isKosovo(s.codes().get(geo.position())))) {
                lines.add(KosovoDesignation.footnote(obs.query().lang()));
            }
        });
        if (d.lifecycle().discontinued()) {
            lines.add(t.get("discontinued", "date", f.date(d.lifecycle().discontinuedOn()))
                    + (d.lifecycle().successor() == null ? "" : "; " + t.get("successor", "dataset", d.lifecycle().successor())) + ".");
        }
        return lines;
    }
}
