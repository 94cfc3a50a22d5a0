package org.lmobservatory.portal;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.errors.ErrorKind;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a reader chose on a dataset page, as PxWeb's variable selection: codes per dimension (in dataset order), a
 * range of periods, and which dimension makes the table's columns ("time" or a dimension id). The page's own query
 * string and the /v1 observation filters are both made from it, so the table, chart and downloads show one selection.
 */
record DatasetSelection(Map<String, List<String>> codes, LocalDate from, LocalDate to, String columns) {
    static final String TIME = "time";
    static final String COLUMNS = "columns";
    static final String FROM = "from";
    static final String TO = "to";

    /**
     * The selection a page address asks for, or null when it names no dimension (the page then picks a default).
     * Periods must be periods of the release (periods: every period start from first to last); codes are checked by
     * the observation query parser, which answers a wrong one with its 400 and a suggestion.
     */
    static DatasetSelection fromQuery(Dataset dataset, Map<String, List<String>> params, List<LocalDate> periods) {
        Set<String> allowed = new TreeSet<>(List.of(FROM, TO, COLUMNS));
        dataset.dimensions().forEach(d -> allowed.add(d.id()));
        List<String> unknown = params.keySet().stream().filter(p -> !allowed.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw ErrorKind.UNKNOWN_PARAMETER.error("Unknown query parameter " + String.join(", ", unknown)
                    + ". A dataset page takes its dimensions (" + String.join(", ", dataset.dimensions().stream().map(Dimension::id).toList())
                    + "), from, to and columns.", Map.of("parameter", unknown, "allowed", allowed));
        }
        if (dataset.dimensions().stream().noneMatch(d -> params.containsKey(d.id()))) return null;
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (Dimension d : dataset.dimensions()) {
            List<String> chosen = new ArrayList<>();
            for (String raw : params.getOrDefault(d.id(), List.of())) {
                for (String part : raw.split(",")) if (!part.isBlank() && !chosen.contains(part.strip())) chosen.add(part.strip());
            }
            codes.put(d.id(), chosen);
        }
        LocalDate last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        LocalDate from = period(dataset.frequency(), single(params, FROM), periods, periods.isEmpty() ? null : periods.get(0));
        LocalDate to = period(dataset.frequency(), single(params, TO), periods, last);
        if (from != null && to != null && from.isAfter(to)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        String columns = single(params, COLUMNS);
        if (columns == null) columns = TIME;
        if (!columns.equals(TIME) && dataset.dimension(columns).isEmpty()) {
            throw ErrorKind.INVALID_PARAMETER.error("Parameter 'columns' must be time or one of the dataset's dimensions; got '" + columns + "'.",
                    Map.of("parameter", COLUMNS));
        }
        return new DatasetSelection(codes, from, to, columns);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) throw ErrorKind.REPEATED_PARAMETER.error("Parameter '" + name + "' may be given only once.");
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    private static LocalDate period(Frequency frequency, String label, List<LocalDate> periods, LocalDate fallback) {
        if (label == null) return fallback;
        for (LocalDate p : periods) if (frequency.label(p).equals(label)) return p;
        throw ErrorKind.INVALID_PARAMETER.error("'" + label + "' is not a period of this dataset's current release; it has "
                + (periods.isEmpty() ? "none" : frequency.label(periods.get(0)) + " to " + frequency.label(periods.get(periods.size() - 1)))
                + ", written like " + frequency.example() + ".", Map.of("parameter", FROM + "/" + TO));
    }

    /** The filters of the /v1 observations (and chart) URL: one comma list per dimension with a choice, and the time range. */
    Map<String, List<String>> apiFilters(Frequency frequency) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        codes.forEach((dimension, chosen) -> {
            if (!chosen.isEmpty()) out.put(dimension, List.of(String.join(",", chosen)));
        });
        if (from != null && to != null) {
            out.put("time", List.of(from.equals(to) ? frequency.label(from) : frequency.label(from) + ".." + frequency.label(to)));
        }
        return out;
    }

    /** The page's own query string (without "?"): what the form sends, so a language switch keeps the selection. */
    String pageQuery(Frequency frequency) {
        List<String> parts = new ArrayList<>();
        codes.forEach((dimension, chosen) -> chosen.forEach(c -> parts.add(encode(dimension) + "=" + encode(c))));
        if (from != null) parts.add(FROM + "=" + encode(frequency.label(from)));
        if (to != null) parts.add(TO + "=" + encode(frequency.label(to)));
        if (!TIME.equals(columns)) parts.add(COLUMNS + "=" + encode(columns));
        return String.join("&", parts);
    }

    static String query(Map<String, List<String>> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(v -> parts.add(encode(name) + "=" + encode(v).replace("%2C", ","))));
        return String.join("&", parts);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
