package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Period;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON-stat 2.0 datasets and 1.x bundles (PxWeb, Statistics Norway, CSO Ireland, INE, Eurostat's old API).
 * The document is parsed as a tree; cells are then produced one at a time from the value array or object, their
 * codes computed from the cell index, so no second copy of the cube is made.
 *
 * <p>Everything about the file's structure (dimensions, categories, periods, codes) is checked once in open(), with
 * the JSON path of each problem; cells only check their own value and status. A row's "line" is its position in
 * value (1-based), which keeps rows distinguishable for duplicate detection; problems are reported with line 0 and
 * their JSON path.
 */
public final class JsonStatReader implements ObservationReader {
    /** Names under which producers that do not set role.time publish their time dimension. */
    private static final Set<String> TIME_NAMES = Set.of("time", "tid", "year", "years", "month", "quarter", "period",
            "periodo", "periode", "tiempo", "trimestre", "ano", "anno", "aika", "vuosi", "kuukausi", "ar", "jahr", "zeit",
            "czas", "rok", "obdobi", "time_period", "date");
    private static final int DROPPED = -1;
    private static final int TIME = -2;
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final InputStream in;
    private final Optional<Path> optionsFile;

    private JsonStatCube cube;
    private JsonStatStatus statuses;
    private int[] targets;
    private long[] strides;
    private String[] constants;
    private String fixedPeriod;
    private String[] periods;
    private boolean[] headings;
    private int timeAxis = -1;
    private boolean fromLabels;
    private String frequencyNote;
    private boolean unusable = true;
    private int cursor;
    private Iterator<Map.Entry<String, JsonNode>> sparse;

    public JsonStatReader(InputStream in, Optional<Path> optionsFile) {
        this.in = in;
        this.optionsFile = optionsFile;
    }

    @Override
    public void open(Dataset dataset, ErrorSink errors) {
        throw new IllegalStateException("JsonStatReader checks categories against the codelists: call open(dataset, codelists, errors)");
    }

    @Override
    public void open(Dataset dataset, List<Codelist> codelists, ErrorSink errors) throws IOException {
        JsonStatOptions options = optionsFile.isPresent() ? JsonStatOptions.read(optionsFile.get(), errors) : JsonStatOptions.none();
        if (options == null) return;
        JsonNode root;
        try {
            root = EXACT.readTree(in);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(line, null, "not valid JSON: " + e.getOriginalMessage());
            return;
        }
        int before = errors.count();
        JsonStatCube.Problems problems = (path, message) -> errors.add(0, path, path + ": " + message);
        cube = JsonStatCube.locate(root, options.dataset(), problems);
        if (cube == null) return;
        statuses = new JsonStatStatus(options.status());
        int axes = cube.axes.size();
        strides = new long[axes];
        long stride = 1;
        for (int d = axes - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= cube.axes.get(d).size();
        }
        timeAxis = findTime(options);
        mapDimensions(dataset, codelists, options, problems);
        mapTime(dataset, options, problems);
        if (errors.count() > before) return;
        if (cube.values.isObject()) sparse = cube.values.fields();
        unusable = false;
    }

    private int findTime(JsonStatOptions options) {
        for (int d = 0; d < cube.axes.size(); d++) {
            if ("time".equals(options.dimensions().get(cube.axes.get(d).id()))) return d;
        }
        for (int d = 0; d < cube.axes.size(); d++) {
            if (cube.timeRoles.contains(cube.axes.get(d).id())) return d;
        }
        for (int d = 0; d < cube.axes.size(); d++) {
            if (TIME_NAMES.contains(normalise(cube.axes.get(d).id()))) return d;
        }
        return -1;
    }

    private void mapDimensions(Dataset dataset, List<Codelist> codelists, JsonStatOptions options, JsonStatCube.Problems problems) {
        String datasetDims = String.join(", ", dataset.dimensions().stream().map(Dimension::id).toList());
        targets = new int[cube.axes.size()];
        String[] mappedFrom = new String[dataset.dimensions().size()];
        for (int d = 0; d < cube.axes.size(); d++) {
            JsonStatCube.Axis axis = cube.axes.get(d);
            if (d == timeAxis) {
                targets[d] = TIME;
                continue;
            }
            String renamed = options.dimensions().get(axis.id());
            Optional<Dimension> target = renamed != null
                    ? dataset.dimension(renamed)
                    : dataset.dimensions().stream().filter(x -> normalise(x.id()).equals(normalise(axis.id()))).findFirst();
            if (renamed != null && target.isEmpty()) {
                problems.add(axis.path(), "the options map '" + axis.id() + "' to '" + renamed + "', which is not a dimension of dataset "
                        + dataset.id() + " (" + datasetDims + ")");
                continue;
            }
            if (target.isEmpty()) {
                targets[d] = DROPPED;
                if (axis.size() > 1) {
                    problems.add(axis.path(), "dimension '" + axis.id() + "' (" + axis.size() + " categories) is not a dimension of dataset "
                            + dataset.id() + " (" + datasetDims + "); map it in the JSON-stat options with {\"dimensions\": {\""
                            + axis.id() + "\": \"…\"}}, or select a single category of it when you download the file");
                }
                continue;
            }
            Dimension dim = target.get();
            targets[d] = dim.position();
            if (mappedFrom[dim.position()] != null) {
                problems.add(axis.path(), "both '" + mappedFrom[dim.position()] + "' and '" + axis.id() + "' map to dataset dimension '" + dim.id() + "'");
                continue;
            }
            mappedFrom[dim.position()] = axis.id();
            if (options.constants().containsKey(dim.id())) {
                problems.add(axis.path(), "the file has dimension '" + axis.id() + "' for '" + dim.id() + "', and the options also give it a constant code");
            }
            Codelist list = codelists.get(dim.position());
            for (int k = 0; k < axis.size(); k++) {
                String code = axis.categories().get(k);
                if (!list.contains(code)) {
                    List<String> close = list.suggest(code);
                    String hint = close.isEmpty() ? "" : " (did you mean " + Codelist.orList(close) + "?)";
                    problems.add(axis.categoryPaths().get(k), dim.id() + " '" + code + "' is not in codelist " + list.id() + hint);
                }
            }
        }
        constants = new String[dataset.dimensions().size()];
        for (Dimension dim : dataset.dimensions()) {
            String constant = options.constants().get(dim.id());
            if (mappedFrom[dim.position()] != null) continue;
            if (constant == null) {
                problems.add(cube.base + ".dimension", "the file has no dimension for '" + dim.id() + "' of dataset " + dataset.id()
                        + "; give it a constant code in the JSON-stat options ({\"constants\": {\"" + dim.id() + "\": \"…\"}})");
            } else if (!codelists.get(dim.position()).contains(constant)) {
                problems.add(JsonPaths.member("$.constants", dim.id()), "options: constant '" + constant + "' is not in codelist " + codelists.get(dim.position()).id());
            } else {
                constants[dim.position()] = constant;
            }
        }
        for (String name : options.constants().keySet()) {
            if (dataset.dimension(name).isEmpty()) {
                problems.add(JsonPaths.member("$.constants", name), "options: '" + name + "' is not a dimension of dataset " + dataset.id() + " (" + datasetDims + ")");
            }
        }
    }

    private void mapTime(Dataset dataset, JsonStatOptions options, JsonStatCube.Problems problems) {
        if (timeAxis < 0) {
            if (options.period().isEmpty()) {
                problems.add(cube.base + ".dimension", "no time dimension: none has role.time or a time name (time, Tid, year, …); "
                        + "name it with {\"dimensions\": {\"<id>\": \"time\"}} or give the period of all cells with {\"period\": \"2024\"} in the JSON-stat options");
                return;
            }
            Optional<Period> p = Period.parse(options.period().get());
            if (p.isEmpty() || p.get().granularity() != dataset.frequency()) {
                problems.add("$.period", "options: '" + options.period().get() + "' is not a period of frequency " + dataset.frequency()
                        + " (write it like " + dataset.frequency().example() + ")");
                return;
            }
            fixedPeriod = dataset.frequency().label(p.get().start());
            return;
        }
        JsonStatCube.Axis axis = cube.axes.get(timeAxis);
        if (options.period().isPresent()) {
            problems.add(axis.path(), "the file has a time dimension ('" + axis.id() + "'); remove \"period\" from the JSON-stat options");
            return;
        }
        periods = new String[axis.size()];
        headings = new boolean[axis.size()];
        for (String id : options.periodMap().keySet()) {
            if (!axis.categories().contains(id)) {
                problems.add(JsonPaths.member("$.periodMap", id), "options: '" + id + "' is not a category of the time dimension '" + axis.id() + "'");
            }
        }
        fromLabels = fromLabels(axis, options, dataset);
        Map<String, String> seen = new HashMap<>();
        for (int k = 0; k < axis.size(); k++) {
            String id = axis.categories().get(k);
            String label = axis.labels().get(k);
            String mapped = options.periodMap().get(id);
            String at = mapped != null ? JsonPaths.member("$.periodMap", id) : axis.categoryPaths().get(k);
            String shown = mapped != null ? "time '" + id + "' (mapped to '" + mapped + "')"
                    : fromLabels ? "time '" + id + "' (label '" + label + "')" : "time '" + id + "'";
            Optional<Period> p = mapped != null ? Period.parse(mapped, dataset.frequency())
                    : fromLabels ? PeriodLabels.parse(label, dataset.frequency()) : Period.parse(id, dataset.frequency());
            if (p.isEmpty()) {
                problems.add(at, shown + " is not a period we can read (years 2013, quarters 2013Q1 or 2013K1, months 2013M01 or 2013-01"
                        + (fromLabels ? ", Jan 2013" : "") + ")" + (mapped != null ? "" : unreadableHint(axis, k, dataset.frequency())));
                continue;
            }
            if (p.get().granularity() != dataset.frequency()) {
                if (axis.headings().contains(id)) {
                    // A year heading its quarters in category.child: PxWeb-style totals rows, normally empty.
                    headings[k] = true;
                    frequencyNote = "frequency " + p.get().granularity() + " in dataset " + dataset.id() + " of frequency " + dataset.frequency();
                    continue;
                }
                problems.add(at, shown + " is a period of frequency " + p.get().granularity() + ", but dataset " + dataset.id()
                        + " has frequency " + dataset.frequency());
                continue;
            }
            String period = dataset.frequency().label(p.get().start());
            String earlier = seen.put(period, id);
            if (earlier != null) problems.add(at, shown + " is the same period (" + period + ") as '" + earlier + "'");
            periods[k] = period;
        }
    }

    /**
     * Whether the periods come from the time categories' labels: as the options say, or, by default, when the ids
     * are not all periods and every label is one, all different (a file of opaque ids like CI_0004215 labelled Jan 1996).
     */
    private static boolean fromLabels(JsonStatCube.Axis axis, JsonStatOptions options, Dataset dataset) {
        if (options.periodsFrom().isPresent()) return options.periodsFrom().get().equals(JsonStatOptions.FROM_LABELS);
        boolean idsArePeriods = true;
        for (String id : axis.categories()) {
            if (!options.periodMap().containsKey(id) && Period.parse(id, dataset.frequency()).isEmpty()) idsArePeriods = false;
        }
        if (idsArePeriods) return false;
        Set<String> distinct = new java.util.HashSet<>();
        for (int k = 0; k < axis.size(); k++) {
            if (options.periodMap().containsKey(axis.categories().get(k))) continue;
            Optional<Period> p = PeriodLabels.parse(axis.labels().get(k), dataset.frequency());
            if (p.isEmpty() || !distinct.add(p.get().granularity() + p.get().label())) return false;
        }
        return true;
    }

    /** How to load an unreadable time category: its label, when that is a period, or a mapping of the id. */
    private String unreadableHint(JsonStatCube.Axis axis, int k, Frequency frequency) {
        String id = axis.categories().get(k);
        String label = axis.labels().get(k);
        String map = "{\"periodMap\": {\"" + id + "\": \"…\"}}";
        if (!fromLabels && PeriodLabels.parse(label, frequency).isPresent()) {
            return "; its label '" + label + "' is one: load with {\"periodsFrom\": \"labels\"} in the JSON-stat options (not chosen "
                    + "by itself because some other label is not a period, or two are the same), or map it with " + map;
        }
        return "; map it in the JSON-stat options with " + map;
    }

    @Override
    public RawObservation next(ErrorSink errors) {
        if (unusable) return null;
        while (true) {
            int index;
            JsonNode value;
            String valuePath;
            if (sparse == null) {
                if (cursor >= cube.cells) return null;
                index = cursor++;
                value = cube.values.get(index);
                valuePath = JsonPaths.element(cube.base + ".value", index);
            } else {
                if (!sparse.hasNext()) return null;
                Map.Entry<String, JsonNode> e = sparse.next();
                valuePath = JsonPaths.member(cube.base + ".value", e.getKey());
                index = cellIndex(e.getKey());
                if (index < 0) {
                    errors.add(0, valuePath, valuePath + ": '" + e.getKey() + "' is not a cell index from 0 to " + (cube.cells - 1));
                    continue;
                }
                value = e.getValue();
            }
            RawObservation row = cell(index, value, valuePath, errors);
            if (row != null) return row;
        }
    }

    private RawObservation cell(int index, JsonNode value, String valuePath, ErrorSink errors) {
        String[] codes = constants.clone();
        String period = fixedPeriod;
        boolean heading = false;
        for (int d = 0; d < targets.length; d++) {
            int k = (int) ((index / strides[d]) % cube.axes.get(d).size());
            if (targets[d] >= 0) codes[targets[d]] = cube.axes.get(d).categories().get(k);
            else if (targets[d] == TIME) {
                period = periods[k];
                heading = headings[k];
            }
        }
        boolean missing = value == null || value.isNull();
        String number = missing ? "" : number(value);
        if (number == null) {
            errors.add(0, valuePath, at(valuePath, index) + ": " + value + " is not a number");
            return null;
        }
        if (heading) {
            if (!missing) {
                errors.add(0, valuePath, at(valuePath, index) + ": the cell has a value for a heading period of " + frequencyNote
                        + "; load such totals into a dataset of their own frequency");
            }
            return null;
        }
        String statusPath = statusPath(index);
        String status = statusPath == null ? null : statusAt(index);
        String flags = "";
        if (status != null) {
            Optional<JsonStatStatus.Mapped> mapped = statuses.map(status);
            if (mapped.isEmpty()) {
                errors.add(0, statusPath, at(statusPath, index) + ": status '" + status + "' is unknown; " + JsonStatStatus.suggestion(status));
                return null;
            }
            flags = mapped.get().flags();
            if (mapped.get().zero()) {
                // Magnitude nil (PxWeb's "-"): offices write the cell as null or 0; anything else contradicts the status.
                if (!missing && new BigDecimal(number).signum() != 0) {
                    errors.add(0, statusPath, at(statusPath, index) + ": status '" + status + "' is mapped to zero, but the cell has the value " + number);
                    return null;
                }
                return new RawObservation(index + 1, Arrays.asList(codes), period, "0", flags);
            }
            if (!missing && (mapped.get().missingMark() || flags.contains("m") || flags.contains("c"))) {
                String meaning = flags.contains("c") ? "confidential (c): a suppressed value must not be published" : "not available (m)";
                errors.add(0, statusPath, at(statusPath, index) + ": status '" + status + "' marks the cell as " + meaning
                        + ", but it has the value " + number);
                return null;
            }
        }
        if (missing && !flags.contains("m") && !flags.contains("c")) flags = flags + "m";
        return new RawObservation(index + 1, Arrays.asList(codes), period, number, flags);
    }

    private int cellIndex(String key) {
        if (!key.matches("\\d{1,10}")) return -1;
        long i = Long.parseLong(key);
        return i < cube.cells ? (int) i : -1;
    }

    private String statusPath(int index) {
        JsonNode s = cube.status;
        if (s == null) return null;
        String base = cube.base + ".status";
        if (s.isTextual()) return base;
        if (s.isArray()) return JsonPaths.element(base, s.size() == 1 ? 0 : index);
        if (s.isObject()) return s.has(Integer.toString(index)) ? JsonPaths.member(base, Integer.toString(index)) : null;
        return null;
    }

    private String statusAt(int index) {
        JsonNode s = cube.status;
        JsonNode n = s.isTextual() ? s : s.isArray() ? s.get(s.size() == 1 ? 0 : index) : s.get(Integer.toString(index));
        return n == null || n.isNull() ? null : n.asText();
    }

    /**
     * Where a cell's problem is, for people: the JSON path and the cell's coordinates, e.g.
     * $.value[17] (geo=FI1B, time=1996-02 (CI_0004216)); a period read from a label or mapped comes first, then its id.
     */
    private String at(String path, int index) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < cube.axes.size(); d++) {
            JsonStatCube.Axis axis = cube.axes.get(d);
            int k = (int) ((index / strides[d]) % axis.size());
            String id = axis.categories().get(k);
            String period = d == timeAxis && periods != null ? periods[k] : null;
            parts.add(axis.id() + "=" + (period == null || period.equals(id) ? id : period + " (" + id + ")"));
        }
        return path + " (" + String.join(", ", parts) + ")";
    }

    /** Rows are named by their cell's JSON path and coordinates, not by a line of the file. */
    @Override
    public String where(int line) {
        if (cube == null || line < 1 || line > cube.cells) return null;
        int index = line - 1;
        String path = sparse == null ? JsonPaths.element(cube.base + ".value", index) : JsonPaths.member(cube.base + ".value", Integer.toString(index));
        return at(path, index);
    }

    private static String number(JsonNode value) {
        if (value.isNumber()) return value.decimalValue().toPlainString();
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim()).toPlainString();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Dimension ids compared the way people write them: "County and Region" matches county_and_region. */
    static String normalise(String id) {
        String plain = Normalizer.normalize(id, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
