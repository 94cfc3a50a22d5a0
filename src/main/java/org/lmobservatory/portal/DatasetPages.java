package org.lmobservatory.portal;

import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.formats.Flags;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.portal.Pages.DatasetPage;
import org.lmobservatory.portal.Pages.DimensionChoice;
import org.lmobservatory.portal.Pages.Fact;
import org.lmobservatory.portal.Pages.Frame;
import org.lmobservatory.portal.Pages.Link;
import org.lmobservatory.portal.Pages.Option;
import org.lmobservatory.portal.Pages.Table;
import org.lmobservatory.releases.Release;
import org.lmobservatory.web.Languages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Prepares the dataset page: metadata, the reader's selection (or a default that shows real numbers), table, chart, downloads. */
final class DatasetPages {
    /** A page table larger than this is no longer read by a person; downloads take up to the API's limits. */
    static final long MAX_CELLS = 2_500;
    /** The default selection: the latest periods, and the first areas that have a value in the latest one. */
    private static final int DEFAULT_PERIODS = 5;
    private static final int DEFAULT_AREAS = 6;
    /** A list longer than this gets a filter box (and the select all/none buttons are worth having). */
    private static final int MANY = 8;
    /** What the chart endpoint draws (WidgetRoutes' chart.svg): lines up to 12 series, bars up to 100. */
    private static final int MAX_LINES = 12;
    private static final int MAX_BARS = 100;
    /** A categorical measure (ratings) is drawn as a grid of coloured cells: a row per series, a column per period. */
    private static final int MAX_GRID_ROWS = 120;
    private static final int MAX_GRID_COLUMNS = 60;

    private final CatalogueService catalogue;
    private final ObservationService observations;
    private final String baseUrl;

    DatasetPages(CatalogueService catalogue, ObservationService observations, String baseUrl) {
        this.catalogue = catalogue;
        this.observations = observations;
        this.baseUrl = baseUrl == null ? "" : baseUrl;
    }

    static String path(String lang, String id) {
        return "/" + lang + "/datasets/" + DatasetSelection.encode(id);
    }

    static List<LocalDate> periods(Frequency f, Release r) {
        List<LocalDate> out = new ArrayList<>();
        if (r == null || r.periodMin() == null) return out;
        for (LocalDate p = r.periodMin(); !p.isAfter(r.periodMax()); p = f.next(p)) out.add(p);
        return out;
    }

    DatasetPage page(String lang, Dataset d, Optional<Release> current, Map<String, List<String>> params) throws Exception {
        PortalTexts t = new PortalTexts(lang);
        Release release = current.orElse(null);
        List<LocalDate> periods = periods(d.frequency(), release);
        DatasetSelection asked = DatasetSelection.fromQuery(d, params, periods);
        Map<String, Codelist> codelists = new LinkedHashMap<>();
        d.dimensions().forEach(dim -> codelists.put(dim.id(), catalogue.codelistOf(dim)));
        String title = Languages.pick(d.title(), lang);
        DatasetSelection selection = asked != null ? asked : release == null ? null : defaults(d, release, periods, codelists, lang);
        String query = selection == null ? "" : selection.pageQuery(d.frequency());
        Frame frame = PortalPages.frame(lang, title + " – " + t.get("siteName"),
                l -> path(l, d.id()) + (query.isEmpty() ? "" : "?" + query));
        PivotTable pivot = new PivotTable(d, codelists, lang);
        List<Fact> facts = facts(d, release, t, pivot, codelists, lang);
        String methodology = Languages.pick(d.methodology(), lang);
        String metadataHref = "/v1/datasets/" + d.id() + "?lang=" + lang;
        String releasesHref = ReleasePages.path(lang, d.id());
        if (release == null) {
            return new DatasetPage(frame, d.id(), title, Languages.pick(d.description(), lang), facts, methodology, null, null,
                    releasesHref, metadataHref, List.of(), List.of(), List.of(), List.of(), null, t.get("notPublished"), null, null, null,
                    List.of(), null, List.of(), DatasetJsonLd.of(d, null, title, lang, baseUrl, List.of(), List.of()), path(lang, d.id()));
        }
        Map<String, List<String>> filters = selection.apiFilters(d.frequency());
        SelectedData data = SelectedData.read(observations, release, d.id(), filters, lang, MAX_CELLS);
        List<LocalDate> shown = periods.stream().filter(p -> !p.isBefore(selection.from()) && !p.isAfter(selection.to())).toList();
        Table table = null;
        String notice = null;
        if (data.tooMany()) {
            notice = t.get("tooManyCells", "cells", String.valueOf(data.cells()), "limit", String.valueOf(MAX_CELLS));
        } else if (data.series().isEmpty()) {
            notice = t.get("nothingSelected");
        } else {
            table = pivot.build(data.series(), data.rows(), shown, selection.columns(), title);
        }
        String api = "/v1/datasets/" + d.id();
        String filterQuery = DatasetSelection.query(filters);
        String chartSrc = null;
        String chartNotice = null;
        int seriesCount = data.series().size();
        if (table != null) {
            boolean bar = shown.size() == 1;
            if (d.hasCategories()) {
                if (seriesCount <= MAX_GRID_ROWS && shown.size() <= MAX_GRID_COLUMNS) chartSrc = api + "/chart.svg?" + filterQuery + "&lang=" + lang;
                else chartNotice = t.get("chartTooMany", "limit", String.valueOf(MAX_GRID_ROWS));
            } else if (seriesCount <= (bar ? MAX_BARS : MAX_LINES)) {
                chartSrc = api + "/chart.svg?" + filterQuery + (bar ? "&type=bar" : "") + "&lang=" + lang;
            } else {
                chartNotice = t.get("chartTooMany", "limit", String.valueOf(MAX_LINES));
            }
        }
        List<Link> downloads = new ArrayList<>();
        for (String[] format : new String[][]{{"csv", "CSV"}, {"xlsx", "Excel (XLSX)"}, {"jsonstat", "JSON-stat"}, {"json", "JSON"},
                {"sdmx-csv", "SDMX-CSV"}}) {
            downloads.add(new Link(format[1], api + "/observations?" + filterQuery + "&format=" + format[0] + "&lang=" + lang, format[0]));
        }
        Fact releaseFact = new Fact(t.get("release"), t.get("releaseText", "id", String.valueOf(release.id()),
                "date", date(lang, release)));
        List<Fact> legend = new ArrayList<>();
        for (char flag : pivot.flagsSeen()) {
            legend.add(new Fact(String.valueOf(flag), Flags.meaning(String.valueOf(flag), lang)));
        }
        if (table != null && table.rows().stream().anyMatch(r -> r.cells().stream().anyMatch(c -> c.kind().equals("absent")))) {
            legend.add(new Fact("–", t.get("absent")));
        }
        // The builder makes widgets of an area's numbers: a dataset without areas has none to offer.
        String embed = d.geoDimension().isPresent() ? embedHref(d, selection, lang) : null;
        return new DatasetPage(frame, d.id(), title, Languages.pick(d.description(), lang), facts, methodology, releaseFact,
                data.citation() == null ? null : data.citation().text(), releasesHref, metadataHref,
                choices(d, release, selection, codelists, pivot, lang), periodOptions(d.frequency(), periods, selection.from()),
                periodOptions(d.frequency(), periods, selection.to()),
                columnOptions(d, selection, t, lang), table, notice, chartSrc, title + (table == null ? "" : ": " + table.fixed()),
                chartNotice, downloads, embed, legend,
                DatasetJsonLd.of(d, release, title, lang, baseUrl, downloads, geoNames(d, release, codelists, lang)),
                path(lang, d.id()));
    }

    /** The builder takes the dataset, one area and one code per other dimension: the first of each of the selection. */
    private static String embedHref(Dataset d, DatasetSelection selection, String lang) {
        StringBuilder href = new StringBuilder("/widgets?dataset=").append(DatasetSelection.encode(d.id()));
        for (Dimension dim : d.dimensions()) {
            List<String> codes = selection.codes().getOrDefault(dim.id(), List.of());
            if (codes.isEmpty()) continue;
            href.append('&').append(dim.isGeo() ? "geo" : DatasetSelection.encode(dim.id())).append('=').append(DatasetSelection.encode(codes.get(0)));
        }
        return href.append("&lang=").append(lang).toString();
    }

    /**
     * Real numbers first: the latest period, the first code (usually the total) of each other dimension among those the
     * release uses, and the first areas whose value for that period is there. When that finds no value, the first
     * series that has one in the latest period decides the codes instead.
     */
    private DatasetSelection defaults(Dataset d, Release release, List<LocalDate> periods, Map<String, Codelist> codelists, String lang)
            throws Exception {
        LocalDate latest = periods.get(periods.size() - 1);
        LocalDate from = periods.get(Math.max(0, periods.size() - DEFAULT_PERIODS));
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (Dimension dim : d.dimensions()) {
            if (dim.isGeo()) continue;
            Set<String> used = catalogue.codesInRelease(release.id(), dim);
            codelists.get(dim.id()).codes().stream().map(Code::id).filter(used::contains).findFirst()
                    .ifPresent(c -> codes.put(dim.id(), List.of(c)));
        }
        Optional<Dimension> geo = d.geoDimension();
        Map<String, List<String>> probe = new LinkedHashMap<>(codes);
        probe.put("time", List.of(d.frequency().label(latest)));
        SelectedData found = SelectedData.read(observations, release, d.id(), probe, "en", 20_000);
        List<SeriesKey> withValues = withValues(found);
        if (withValues.isEmpty()) {
            SelectedData any = SelectedData.read(observations, release, d.id(), Map.of("time", List.of(d.frequency().label(latest))), "en", 20_000);
            List<SeriesKey> anyValues = withValues(any);
            if (!anyValues.isEmpty()) {
                SeriesKey first = anyValues.get(0);
                codes.clear();
                for (Dimension dim : d.dimensions()) if (!dim.isGeo()) codes.put(dim.id(), List.of(first.codes().get(dim.position())));
                withValues = anyValues.stream().filter(s -> d.dimensions().stream()
                        .allMatch(dim -> dim.isGeo() || s.codes().get(dim.position()).equals(first.codes().get(dim.position())))).toList();
            }
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (Dimension dim : d.dimensions()) {
            if (dim.isGeo()) {
                Set<String> areas = new LinkedHashSet<>();
                // A Finnish reader first sees Finnish areas, a Bulgarian one Bulgarian areas, when the dataset has them.
                String country = COUNTRY_OF_LANGUAGE.get(lang);
                Codelist list = codelists.get(dim.id());
                withValues.stream().filter(s -> country != null && country.equals(countryOf(list, s.codes().get(dim.position()))))
                        .forEach(s -> areas.add(s.codes().get(dim.position())));
                withValues.forEach(s -> areas.add(s.codes().get(dim.position())));
                if (areas.isEmpty()) {
                    Set<String> used = catalogue.codesInRelease(release.id(), dim);
                    codelists.get(dim.id()).codes().stream().map(Code::id).filter(used::contains).limit(DEFAULT_AREAS).forEach(areas::add);
                }
                ordered.put(dim.id(), areas.stream().limit(DEFAULT_AREAS).toList());
            } else {
                ordered.put(dim.id(), codes.getOrDefault(dim.id(), List.of()));
            }
        }
        return new DatasetSelection(ordered, from, latest, DatasetSelection.TIME);
    }

    /** The country whose areas a reader of the language most likely looks for (Swedish: Finland's Swedish speakers). */
    private static final Map<String, String> COUNTRY_OF_LANGUAGE = Map.of("fi", "FI", "sv", "FI", "bg", "BG", "pl", "PL", "cs", "CZ", "sq", "XK");

    /** The code at the top of an area's hierarchy (its country), or the code itself. */
    private static String countryOf(Codelist list, String code) {
        String current = code;
        for (int hops = 0; hops < 10; hops++) {
            Optional<Code> c = list.code(current);
            if (c.isEmpty() || c.get().parent() == null || list.code(c.get().parent()).isEmpty()) return current;
            current = c.get().parent();
        }
        return current;
    }

    private static List<SeriesKey> withValues(SelectedData data) {
        Set<Integer> valued = new LinkedHashSet<>();
        for (ObservationRow r : data.rows()) if (r.value() != null) valued.add(r.seriesIndex());
        List<SeriesKey> out = new ArrayList<>();
        for (int i = 0; i < data.series().size(); i++) if (valued.contains(i)) out.add(data.series().get(i));
        return out;
    }

    private List<DimensionChoice> choices(Dataset d, Release release, DatasetSelection selection, Map<String, Codelist> codelists,
                                          PivotTable pivot, String lang) {
        List<DimensionChoice> out = new ArrayList<>();
        for (Dimension dim : d.dimensions()) {
            Set<String> used = catalogue.codesInRelease(release.id(), dim);
            List<String> chosen = selection.codes().getOrDefault(dim.id(), List.of());
            List<Option> options = codelists.get(dim.id()).codes().stream().filter(c -> used.contains(c.id()))
                    .map(c -> new Option(c.id(), pivot.label(dim, c.id()), chosen.contains(c.id()))).toList();
            boolean many = options.size() > MANY;
            // In a long list (hundreds of municipalities) the ticked codes would hide below the fold: they come first,
            // each group in code-list order. A short list keeps its order, which is usually the hierarchy.
            if (many) options = java.util.stream.Stream.concat(options.stream().filter(Option::selected),
                    options.stream().filter(o -> !o.selected())).toList();
            out.add(new DimensionChoice(dim.id(), dimensionLabel(dim, lang), options, many));
        }
        return out;
    }

    private static String dimensionLabel(Dimension d, String lang) {
        String label = Languages.pick(d.label(), lang);
        return label == null ? d.id() : label;
    }

    private static String label(Code c, String lang) {
        String label = Languages.pick(c.labels(), lang);
        return label == null ? c.id() : label;
    }

    private static List<Option> periodOptions(Frequency f, List<LocalDate> periods, LocalDate chosen) {
        return periods.stream().map(p -> new Option(f.label(p), f.label(p), p.equals(chosen))).toList();
    }

    private static List<Option> columnOptions(Dataset d, DatasetSelection selection, PortalTexts t, String lang) {
        List<Option> out = new ArrayList<>();
        out.add(new Option(DatasetSelection.TIME, t.get("time"), DatasetSelection.TIME.equals(selection.columns())));
        d.dimensions().forEach(dim -> out.add(new Option(dim.id(), dimensionLabel(dim, lang), dim.id().equals(selection.columns()))));
        return out;
    }

    private List<Fact> facts(Dataset d, Release release, PortalTexts t, PivotTable pivot, Map<String, Codelist> codelists, String lang) {
        List<Fact> facts = new ArrayList<>();
        if (d.measures().isEmpty()) {
            if (d.unit() != null) facts.add(new Fact(t.get("unit"), Languages.pick(d.unit().label(), lang)));
        } else {
            Dimension measures = d.measureDimension().orElseThrow();
            for (Measure m : d.measures().values()) {
                String unit = m.isCategory() ? t.get("categoryUnit") : Languages.pick(m.unit().label(), lang);
                facts.add(new Fact(t.get("unit") + " · " + pivot.label(measures, m.code()), unit));
            }
        }
        facts.add(new Fact(t.get("source"), d.source()));
        facts.add(new Fact(t.get("licence"), d.licence()));
        facts.add(new Fact(t.get("frequency"), t.get("frequency." + d.frequency().name())));
        if (release != null && release.periodMin() != null) {
            facts.add(new Fact(t.get("timeCoverage"), d.frequency().label(release.periodMin()) + "–" + d.frequency().label(release.periodMax())));
            List<String> areas = geoNames(d, release, codelists, lang);
            if (!areas.isEmpty()) facts.add(new Fact(t.get("geoCoverage"), String.join(", ", areas)));
        }
        return facts;
    }

    /** The widest areas the release covers (its top level), by name: what a reader and a search engine want to know. */
    private List<String> geoNames(Dataset d, Release release, Map<String, Codelist> codelists, String lang) {
        Optional<Dimension> geo = d.geoDimension();
        if (geo.isEmpty() || release == null) return List.of();
        Set<String> used = catalogue.codesInRelease(release.id(), geo.get());
        Codelist list = codelists.get(geo.get().id());
        List<Code> codes = list.codes().stream().filter(c -> used.contains(c.id())).toList();
        List<Code> top = codes.stream().filter(c -> c.parent() == null || !used.contains(c.parent())).toList();
        Set<String> out = new LinkedHashSet<>();
        // Name the countries of the top codes when they are many (e.g. 38 municipalities → Kosovo*).
        for (Code c : top) {
            Code root = c;
            while (top.size() > 6 && root.parent() != null && list.code(root.parent()).isPresent()) root = list.code(root.parent()).get();
            out.add(label(root, lang));
        }
        return List.copyOf(out);
    }

    private static String date(String lang, Release release) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang))
                .format(release.publishedAt().atZone(ZoneOffset.UTC));
    }
}
