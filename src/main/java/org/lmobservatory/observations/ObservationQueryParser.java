package org.lmobservatory.observations;

import org.lmobservatory.web.CanonicalQuery;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Grouping;
import org.lmobservatory.catalogue.Period;
import org.lmobservatory.config.AppConfig.Limits;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.releases.ReleaseSelector;
import org.lmobservatory.web.Languages;
import org.lmobservatory.errors.ErrorKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses and validates the query string of an observation request: every mistake is a 400 that says how to fix it. */
public final class ObservationQueryParser {
    public static final Set<String> RESERVED = reserved("time", "lastPeriods", "lang", "geoLevel", "geoParent", "limit", "cursor",
            "release", "asOf");
    public static final int DEFAULT_PAGE_SIZE = 10_000;

    private final Function<String, Codelist> codelists;
    private final Function<String, List<Grouping>> groupings;
    private final Limits limits;

    public ObservationQueryParser(Function<String, Codelist> codelists, Limits limits) {
        this(codelists, id -> List.of(), limits);
    }

    /** groupings: the groupings defined over a codelist, whose group codes a query may ask for. */
    public ObservationQueryParser(Function<String, Codelist> codelists, Function<String, List<Grouping>> groupings, Limits limits) {
        this.codelists = codelists;
        this.groupings = groupings;
        this.limits = limits;
    }

    public ObservationQuery parse(Dataset dataset, Map<String, List<String>> params, String accept) {
        Set<String> allowed = new TreeSet<>(RESERVED);
        dataset.dimensions().forEach(d -> allowed.add(d.id()));
        List<String> unknown = params.keySet().stream().filter(p -> !allowed.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw ErrorKind.UNKNOWN_PARAMETER.error(
                    "Unknown query parameter " + String.join(", ", unknown) + " for dataset '" + dataset.id()
                            + "'. Its dimensions are " + dataset.dimensions().stream().map(Dimension::id).collect(Collectors.joining(", "))
                            + "; other parameters: " + String.join(", ", new TreeSet<>(RESERVED)) + ".",
                    Map.of("parameter", unknown, "allowed", allowed));
        }
        String lang = language(single(params, "lang"));
        List<Codelist> lists = new ArrayList<>(dataset.dimensions().stream().map(d -> codelists.apply(d.codelistId())).toList());
        List<List<String>> asked = new ArrayList<>();
        for (Dimension d : dataset.dimensions()) asked.add(limited(d, values(params, d.id())));
        String level = single(params, "geoLevel");
        String parent = single(params, "geoParent");
        Aggregation aggregation = GroupSelection.resolve(dataset, lists, asked, level, parent, groupings);
        List<List<String>> filters = new ArrayList<>();
        for (Dimension d : dataset.dimensions()) {
            boolean grouped = aggregation != null && aggregation.dimension() == d.position();
            filters.add(grouped ? GroupSelection.members(aggregation) : codes(d, lists.get(d.position()), asked.get(d.position())));
        }
        if (aggregation == null) {
            applyGeoHierarchy(dataset, lists, filters, level, parent);
        } else {
            lists.set(aggregation.dimension(), GroupSelection.withGroups(lists.get(aggregation.dimension()), aggregation.grouping()));
        }
        TimeFilter time = time(dataset, single(params, "time"), single(params, "lastPeriods"));
        OutputFormat format = FormatParameters.format(single(params, "format"), accept);
        LabelMode labels = FormatParameters.labels(single(params, "labels"), format);
        TableOptions table = FormatParameters.table(single(params, "layout"), single(params, "csvSeparator"), single(params, "bom"), format, lang);
        Page page = page(single(params, "limit"), single(params, "cursor"));
        ReleaseSelector release = ReleaseResolver.selector(params);
        return new ObservationQuery(dataset, List.copyOf(lists), filters, time, format, labels, lang, page, CanonicalQuery.of(params), table,
                release, aggregation);
    }

    private static Set<String> reserved(String... names) {
        Set<String> all = new TreeSet<>(List.of(names));
        all.addAll(FormatParameters.NAMES);
        return Set.copyOf(all);
    }

    private List<String> limited(Dimension dimension, List<String> asked) {
        if (asked.size() > limits.maxCodesPerDimension()) {
            throw ErrorKind.TOO_MANY_CODES.error("At most " + limits.maxCodesPerDimension() + " codes per dimension; "
                    + dimension.id() + " has " + asked.size() + ".");
        }
        return asked;
    }

    private List<String> codes(Dimension dimension, Codelist codelist, List<String> asked) {
        if (asked.isEmpty()) return null;
        for (String code : asked) {
            if (!codelist.contains(code)) {
                List<String> close = codelist.suggest(code);
                String hint = close.isEmpty() ? "" : " Did you mean " + Codelist.orList(close) + "?";
                List<Grouping> over = groupings.apply(codelist.id());
                if (!over.isEmpty()) {
                    hint += " Groups of " + over.stream().map(Grouping::id).collect(Collectors.joining(", ")) + " are accepted too.";
                }
                List<String> valid = codelist.codes().stream().map(Code::id).toList();
                throw ErrorKind.UNKNOWN_CODE.error(
                        "Code '" + code + "' is not in codelist " + codelist.id() + " of dimension '" + dimension.id() + "'." + hint
                                + " Valid codes: " + preview(valid) + " (all at /v1/codelists/" + codelist.id() + ").",
                        Map.of("parameter", dimension.id(), "validValues", valid.size() <= 200 ? valid : valid.subList(0, 200)));
            }
        }
        return asked;
    }

    private void applyGeoHierarchy(Dataset dataset, List<Codelist> lists, List<List<String>> filters, String level, String parent) {
        if (level == null && parent == null) return;
        Dimension geo = dataset.geoDimension().orElseThrow(() -> ErrorKind.NO_GEO_DIMENSION.error(
                "geoLevel and geoParent need a territorial dimension; dataset '" + dataset.id() + "' has none."));
        Codelist codelist = lists.get(geo.position());
        Set<String> selected = new LinkedHashSet<>();
        codelist.codes().forEach(c -> selected.add(c.id()));
        if (level != null) {
            if (!codelist.levels().contains(level)) {
                List<String> valid = new ArrayList<>(codelist.levels());
                groupings.apply(codelist.id()).forEach(g -> valid.add(g.id()));
                String over = valid.size() > codelist.levels().size()
                        ? "; groupings: " + String.join(", ", valid.subList(codelist.levels().size(), valid.size())) : "";
                throw ErrorKind.UNKNOWN_LEVEL.error("geoLevel '" + level + "' is not a level of codelist " + codelist.id()
                        + ". Levels: " + String.join(", ", codelist.levels()) + over + ".", Map.of("parameter", "geoLevel", "validValues", valid));
            }
            selected.removeIf(id -> !level.equals(codelist.code(id).orElseThrow().level()));
        }
        if (parent != null) {
            if (!codelist.contains(parent)) {
                List<String> close = codelist.suggest(parent);
                String hint = close.isEmpty() ? "" : " Did you mean " + Codelist.orList(close) + "?";
                throw ErrorKind.UNKNOWN_CODE.error("geoParent '" + parent + "' is not in codelist " + codelist.id() + "." + hint,
                        Map.of("parameter", "geoParent"));
            }
            Set<String> below = codelist.descendantsOf(parent);
            below.remove(parent);
            selected.retainAll(below);
        }
        List<String> explicit = filters.get(geo.position());
        if (explicit != null) selected.retainAll(explicit);
        filters.set(geo.position(), List.copyOf(selected));
    }

    private TimeFilter time(Dataset dataset, String time, String lastPeriods) {
        if (time != null && lastPeriods != null) {
            throw ErrorKind.CONFLICTING_PARAMETERS.error("Use either time or lastPeriods, not both.");
        }
        if (lastPeriods != null) {
            int n;
            try {
                n = Integer.parseInt(lastPeriods);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > limits.maxLastPeriods()) {
                throw ErrorKind.INVALID_PARAMETER.error("lastPeriods must be a whole number from 1 to "
                        + limits.maxLastPeriods() + "; got '" + lastPeriods + "'.", Map.of("parameter", "lastPeriods"));
            }
            return new TimeFilter(null, null, n);
        }
        if (time == null) return TimeFilter.ALL;
        int dots = time.indexOf("..");
        if (dots < 0) {
            Period p = period(dataset, time);
            return new TimeFilter(p.start(), p.endExclusive(), null);
        }
        String from = time.substring(0, dots).trim();
        String to = time.substring(dots + 2).trim();
        if (from.isEmpty() && to.isEmpty()) return TimeFilter.ALL;
        Period start = from.isEmpty() ? null : period(dataset, from);
        Period end = to.isEmpty() ? null : period(dataset, to);
        if (start != null && end != null && end.endExclusive().isBefore(start.start().plusDays(1))) {
            throw ErrorKind.INVALID_TIME.error("time range '" + time + "' ends before it starts.", Map.of("parameter", "time"));
        }
        return new TimeFilter(start == null ? null : start.start(), end == null ? null : end.endExclusive(), null);
    }

    private static Period period(Dataset dataset, String text) {
        Period p = Period.parse(text).orElseThrow(() -> ErrorKind.INVALID_TIME.error(
                "time '" + text + "' is not a period. Write a year (2024), a quarter (2024-Q3) or a month (2024-07), or a range 2019..2024.",
                Map.of("parameter", "time")));
        if (!p.coarserOrEqual(dataset.frequency())) {
            throw ErrorKind.INVALID_TIME.error("Dataset '" + dataset.id() + "' has frequency " + dataset.frequency()
                    + " (periods like " + dataset.frequency().example() + "); '" + text + "' is finer than that.", Map.of("parameter", "time"));
        }
        return p;
    }

    private Page page(String limit, String cursor) {
        int size = DEFAULT_PAGE_SIZE;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > limits.maxCellsJson()) {
                throw ErrorKind.INVALID_PARAMETER.error("limit must be a whole number from 1 to "
                        + limits.maxCellsJson() + " (rows per JSON page); got '" + limit + "'.", Map.of("parameter", "limit"));
            }
        }
        return cursor == null ? Page.first(size) : Page.fromCursor(cursor, size);
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

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) throw ErrorKind.REPEATED_PARAMETER.error("Parameter '" + name + "' may be given only once.");
        if (values.isEmpty() || values.get(0).isBlank()) return null;
        return values.get(0).trim();
    }

    /** A set in the order given: a POST body may hold a megabyte of codes, so no quadratic duplicate check before the limit. */
    private static List<String> values(Map<String, List<String>> params, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            for (String part : raw.split(",")) {
                String v = part.trim();
                if (!v.isEmpty()) out.add(v);
            }
        }
        return new ArrayList<>(out);
    }

    private static String preview(List<String> valid) {
        return valid.size() <= 12 ? String.join(", ", valid) : String.join(", ", valid.subList(0, 12)) + ", … (" + valid.size() + " in all)";
    }
}
