package org.lmobservatory.widgets;

import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.KosovoDesignation;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Grouping;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.web.Languages;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.widgets.CollectedObservations.Cell;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a widget request (dataset, geo, compare, lang, lastPeriods, one code per other dimension, theme) and
 * gathers its numbers: the area's series over a rolling window and the series of the comparison areas, found
 * by walking the territorial codelist's parents ("region", "country") or named by code.
 */
final class IndicatorWidget {
    static final Set<String> OWN_PARAMETERS = Set.of("dataset", "geo", "compare", "lang", "lastPeriods", "accent", "theme", "font");
    private static final int MAX_COMPARISONS = 4;

    private final CatalogueService catalogue;
    private final ObservationService observations;
    private final ReleaseResolver releases;

    IndicatorWidget(CatalogueService catalogue, ObservationService observations, ReleaseResolver releases) {
        this.catalogue = catalogue;
        this.observations = observations;
        this.releases = releases;
    }

    /** An area of the widget: its code, label and level, and one cell per period of the window. */
    record Area(String code, String label, String level, List<Cell> cells) {
        Optional<Integer> latestWithValue() {
            for (int i = cells.size() - 1; i >= 0; i--) if (cells.get(i).hasValue()) return Optional.of(i);
            return Optional.empty();
        }

        /**
         * The latest period the area reports at all: a value, or a row withheld as confidential (c) or missing (m). The
         * headline stands there, so a suppressed latest value reads as such instead of quietly showing an older one.
         */
        Optional<Integer> latestReported() {
            for (int i = cells.size() - 1; i >= 0; i--) if (cells.get(i).hasValue() || cells.get(i).withheld() != null) return Optional.of(i);
            return Optional.empty();
        }
    }

    /** Everything the widget shows, in the reader's language. */
    record Model(Dataset dataset, Release release, String lang, int lastPeriods, List<LocalDate> periods, Area main,
                 List<Area> comparisons, List<String> notes, List<String> filters, Map<String, List<String>> apiQuery,
                 Map<String, String> widgetQuery, WidgetTheme theme, CollectedObservations observations) {
        Frequency frequency() {
            return dataset.frequency();
        }

        /** The unit of the widget's values: the widget shows one code of every dimension, so one measure. */
        Unit unit() {
            return measure().map(Measure::unit).orElse(dataset.unit());
        }

        /** The measure of the widget's values, when the dataset has a measure dimension. */
        java.util.Optional<Measure> measure() {
            return dataset.measureDimension().map(d -> dataset.measures().get(apiQuery.get(d.id()).get(0)));
        }
    }

    /** The dataset and its current release, without reading observations: enough for an ETag check. */
    record Target(Dataset dataset, Release release) {
    }

    Target target(Map<String, List<String>> params) {
        Dataset dataset = catalogue.dataset(required(params, "dataset"));
        return new Target(dataset, releases.currentOnly(dataset.id(), params, "The indicator widget"));
    }

    Model build(Map<String, List<String>> params) throws Exception {
        Target target = target(params);
        Dataset dataset = target.dataset();
        Release release = target.release();
        Dimension geo = dataset.geoDimension().orElseThrow(() -> ErrorKind.NO_GEO_DIMENSION.error(
                "Indicator widgets show an area; dataset '" + dataset.id() + "' has no territorial dimension. Use chart.svg instead."));
        Set<String> allowed = new TreeSet<>(OWN_PARAMETERS);
        dataset.dimensions().stream().filter(d -> !d.isGeo()).forEach(d -> allowed.add(d.id()));
        List<String> unknown = params.keySet().stream().filter(p -> !allowed.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw ErrorKind.UNKNOWN_PARAMETER.error("Unknown parameter " + String.join(", ", unknown) + " for a widget of '"
                    + dataset.id() + "'. Allowed: " + String.join(", ", allowed) + ".", Map.of("parameter", unknown, "allowed", allowed));
        }
        String lang = language(single(params, "lang"));
        WidgetTexts t = new WidgetTexts(lang);
        WidgetTheme theme = WidgetTheme.parse(single(params, "accent"), single(params, "theme"), single(params, "font"));
        int lastPeriods = lastPeriods(single(params, "lastPeriods"), dataset.frequency());
        Codelist geoCodes = catalogue.codelistOf(geo);
        String area = required(params, "geo");
        Optional<Grouping> grouping = GroupAreas.groupingOf(catalogue.groupings(geoCodes.id()), geoCodes, area);
        if (!geoCodes.contains(area) && grouping.isEmpty()) {
            List<String> close = geoCodes.suggest(area);
            throw ErrorKind.UNKNOWN_CODE.error("geo '" + area + "' is not in codelist " + geoCodes.id() + " nor a group of its groupings."
                    + (close.isEmpty() ? "" : " Did you mean " + Codelist.orList(close) + "?"), Map.of("parameter", "geo"));
        }
        Set<String> inRelease = catalogue.codesInRelease(release.id(), geo);
        List<String> notes = new ArrayList<>();
        List<String> compare = grouping.isPresent() ? GroupAreas.comparisons(grouping.get(), area, list(params, "compare"), MAX_COMPARISONS)
                : comparisonAreas(geoCodes, area, list(params, "compare"), inRelease, t, lang, notes);

        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, String> widgetQuery = new LinkedHashMap<>();
        widgetQuery.put("dataset", dataset.id());
        widgetQuery.put("geo", area);
        List<String> geos = new ArrayList<>(List.of(area));
        geos.addAll(compare);
        query.put(geo.id(), geos);
        List<String> filters = new ArrayList<>();
        for (Dimension dim : dataset.dimensions()) {
            if (dim.isGeo()) continue;
            String code = dimensionCode(dim, single(params, dim.id()), release);
            query.put(dim.id(), List.of(code));
            widgetQuery.put(dim.id(), code);
            Codelist codelist = catalogue.codelistOf(dim);
            filters.add(Languages.pick(dim.label(), lang) + ": " + codelist.code(code).map(c -> Languages.pick(c.labels(), lang)).orElse(code));
        }
        query.put("lastPeriods", List.of(Integer.toString(lastPeriods)));
        query.put("lang", List.of(lang));
        if (!list(params, "compare").isEmpty()) widgetQuery.put("compare", String.join(",", list(params, "compare")));
        widgetQuery.put("lang", lang);
        widgetQuery.put("lastPeriods", Integer.toString(lastPeriods));
        if (!theme.equals(WidgetTheme.DEFAULT)) {
            widgetQuery.put("accent", theme.accentHex());
            widgetQuery.put("theme", theme.mode());
            widgetQuery.put("font", theme.font());
        }

        CollectedObservations obs = CollectedObservations.collect(observations, release, dataset.id(), query);
        List<LocalDate> periods = obs.periods();
        List<List<Cell>> grid = obs.grid(periods);
        Area main = null;
        List<Area> comparisons = new ArrayList<>();
        // The query's codelist: the territorial codes plus, when groups were asked for, the groups with their labels.
        Codelist labelled = obs.query().codelists().get(geo.position());
        for (String code : geos) {
            int index = seriesIndex(obs.series(), geo.position(), code);
            Code c = labelled.code(code).orElseThrow();
            String label = Languages.pick(c.labels(), lang);
            // A group's level is its grouping, named by its label ("Employment areas"), not by its id.
            String level = grouping.isPresent() ? Languages.pick(grouping.get().labels(), lang) : c.level();
            if (index < 0 || grid.get(index).stream().noneMatch(Cell::hasValue)) {
                if (!code.equals(area)) notes.add(t.get("noDataFor", "area", label));
                if (code.equals(area)) main = new Area(code, label, level, emptyCells(periods.size()));
                continue;
            }
            Area a = new Area(code, label, level, grid.get(index));
            if (code.equals(area)) main = a;
            else comparisons.add(a);
        }
        if (KosovoDesignation.anyKosovo(geos)) notes.add(KosovoDesignation.footnote(lang));
        if (dataset.lifecycle().discontinued()) {
            // A widget embedded long ago keeps showing the last release; its readers learn that no newer one will come.
            notes.add(t.get("discontinued", "date", new LocaleFormat(lang).date(dataset.lifecycle().discontinuedOn()))
                    + (dataset.lifecycle().successor() == null ? "" : "; " + t.get("successor", "dataset", dataset.lifecycle().successor())) + ".");
        }
        return new Model(dataset, obs.release(), lang, lastPeriods, periods, main, comparisons, notes, filters, query, widgetQuery,
                theme, obs);
    }

    /**
     * "region" and "country" name the area's ancestor at that level of the codelist; anything else must be a code.
     * Ancestors that do not exist or have no data in the release are left out with a note, not an error: an editor
     * may ask the same for every municipality even where the region is not published.
     */
    private static List<String> comparisonAreas(Codelist codes, String area, List<String> asked, Set<String> inRelease, WidgetTexts t,
                                                String lang, List<String> notes) {
        Set<String> out = new LinkedHashSet<>();
        for (String item : asked) {
            String code;
            if (codes.levels().contains(item)) {
                code = ancestorAt(codes, area, item);
                if (code == null) {
                    notes.add(t.get("noAncestor", "level", t.level(item)));
                    continue;
                }
            } else if (codes.contains(item)) {
                code = item;
            } else {
                throw ErrorKind.INVALID_PARAMETER.error("compare takes levels of codelist " + codes.id() + " ("
                        + String.join(", ", codes.levels()) + ") or its codes; '" + item + "' is neither.", Map.of("parameter", "compare"));
            }
            if (code.equals(area)) continue;
            if (!inRelease.contains(code)) {
                notes.add(t.get("noDataFor", "area", Languages.pick(codes.code(code).orElseThrow().labels(), lang)));
                continue;
            }
            out.add(code);
        }
        if (out.size() > MAX_COMPARISONS) {
            throw ErrorKind.INVALID_PARAMETER.error("A widget compares with at most " + MAX_COMPARISONS + " areas.",
                    Map.of("parameter", "compare"));
        }
        return new ArrayList<>(out);
    }

    static String ancestorAt(Codelist codes, String code, String level) {
        Set<String> visited = new LinkedHashSet<>();
        Optional<Code> current = codes.code(code).flatMap(c -> Optional.ofNullable(c.parent())).flatMap(codes::code);
        while (current.isPresent() && visited.add(current.get().id())) {
            if (level.equals(current.get().level())) return current.get().id();
            current = Optional.ofNullable(current.get().parent()).flatMap(codes::code);
        }
        return null;
    }

    /** The asked code, or the first code of the codelist that the release holds (by convention the total). */
    private String dimensionCode(Dimension dim, String asked, Release release) {
        Codelist codelist = catalogue.codelistOf(dim);
        if (asked != null) {
            if (asked.contains(",")) {
                throw ErrorKind.INVALID_PARAMETER.error("A widget shows one code of " + dim.id() + "; got '" + asked + "'.",
                        Map.of("parameter", dim.id()));
            }
            if (!codelist.contains(asked)) {
                List<String> close = codelist.suggest(asked);
                throw ErrorKind.UNKNOWN_CODE.error("Code '" + asked + "' is not in codelist " + codelist.id() + " of dimension '"
                        + dim.id() + "'." + (close.isEmpty() ? "" : " Did you mean " + Codelist.orList(close) + "?"), Map.of("parameter", dim.id()));
            }
            return asked;
        }
        Set<String> used = catalogue.codesInRelease(release.id(), dim);
        return codelist.codes().stream().map(Code::id).filter(used::contains).findFirst()
                .orElseThrow(() -> ErrorKind.INVALID_PARAMETER.error("Dataset has no codes of " + dim.id() + " in its release."));
    }

    private static int seriesIndex(List<SeriesKey> series, int position, String code) {
        for (int i = 0; i < series.size(); i++) if (series.get(i).codes().get(position).equals(code)) return i;
        return -1;
    }

    private static List<Cell> emptyCells(int n) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) cells.add(Cell.ABSENT);
        return cells;
    }

    static int defaultPeriods(Frequency frequency) {
        return switch (frequency) {
            case A -> 10;
            case Q -> 12;
            case M -> 24;
        };
    }

    private static int lastPeriods(String text, Frequency frequency) {
        if (text == null) return defaultPeriods(frequency);
        try {
            int n = Integer.parseInt(text);
            if (n >= 2 && n <= 120) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ErrorKind.INVALID_PARAMETER.error("lastPeriods must be a whole number from 2 to 120; got '" + text + "'.",
                Map.of("parameter", "lastPeriods"));
    }

    private static String language(String lang) {
        if (lang == null) return Languages.DEFAULT;
        String l = lang.toLowerCase(Locale.ROOT);
        if (!Languages.SUPPORTED.contains(l)) {
            throw ErrorKind.UNSUPPORTED_LANGUAGE.error("Language '" + lang + "' is not offered. Use one of "
                    + String.join(", ", Languages.SUPPORTED) + ".", Map.of("parameter", "lang", "allowed", Languages.SUPPORTED));
        }
        return l;
    }

    static String required(Map<String, List<String>> params, String name) {
        String v = single(params, name);
        if (v == null) throw ErrorKind.MISSING_PARAMETER.error("Parameter '" + name + "' is required.", Map.of("parameter", name));
        return v;
    }

    static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) throw ErrorKind.REPEATED_PARAMETER.error("Parameter '" + name + "' may be given only once.");
        if (values.isEmpty() || values.get(0).isBlank()) return null;
        return values.get(0).trim();
    }

    static List<String> list(Map<String, List<String>> params, String name) {
        List<String> out = new ArrayList<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            for (String part : raw.split(",")) {
                String v = part.trim();
                if (!v.isEmpty() && !out.contains(v)) out.add(v);
            }
        }
        return out;
    }
}
