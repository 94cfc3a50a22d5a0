package org.lmobservatory.observations;

import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The output half of an observation request: format (by format= or the Accept header), labels, and the layout and
 * dialect of tabular formats. Combinations that a format cannot honour are 400s rather than silently ignored.
 */
final class FormatParameters {
    static final Set<String> NAMES = Set.of("format", "labels", "layout", "csvSeparator", "bom");

    private FormatParameters() {
    }

    static OutputFormat format(String format, String accept) {
        if (format != null) {
            return OutputFormat.byParameter(format).orElseThrow(() -> ErrorKind.INVALID_PARAMETER.error(
                    "format must be one of " + String.join(", ", OutputFormat.parameters()) + "; got '" + format + "'.",
                    Map.of("parameter", "format", "allowed", OutputFormat.parameters())));
        }
        return negotiate(accept);
    }

    /** The acceptable media type with the highest q (earliest on ties) that we produce; JSON when none is ours. */
    static OutputFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) return OutputFormat.JSON;
        record Choice(OutputFormat format, double q, int position) {
        }
        List<Choice> choices = new ArrayList<>();
        String[] ranges = accept.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].trim().toLowerCase(Locale.ROOT).split(";");
            String type = parts[0].trim();
            double q = 1;
            boolean jsonStatProfile = false;
            for (int p = 1; p < parts.length; p++) {
                String param = parts[p].trim();
                if (param.startsWith("q=")) q = quality(param.substring(2));
                if (param.startsWith("profile=") && param.replace("-", "").contains("jsonstat")) jsonStatProfile = true;
            }
            OutputFormat f = switch (type) {
                case "application/json" -> jsonStatProfile ? OutputFormat.JSONSTAT : OutputFormat.JSON;
                case "application/vnd.jsonstat+json" -> OutputFormat.JSONSTAT;
                case "text/csv" -> OutputFormat.CSV;
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> OutputFormat.XLSX;
                case "application/vnd.sdmx.data+csv" -> OutputFormat.SDMX_CSV;
                default -> null;
            };
            if (f != null && q > 0) choices.add(new Choice(f, q, i));
        }
        return choices.stream().min(Comparator.comparingDouble((Choice c) -> -c.q()).thenComparingInt(Choice::position))
                .map(Choice::format).orElse(OutputFormat.JSON);
    }

    private static double quality(String q) {
        try {
            return Double.parseDouble(q.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static LabelMode labels(String labels, OutputFormat format) {
        if (labels != null && format == OutputFormat.JSONSTAT) {
            throw conflict("labels", "labels does not apply to format=jsonstat: JSON-stat always carries both codes (category index) "
                    + "and labels. Leave labels out.");
        }
        if (labels != null && format == OutputFormat.SDMX_CSV && !labels.equals("code")) {
            throw conflict("labels", "format=sdmx-csv carries codes only, as SDMX tools expect (labels=code); the labels are at "
                    + "/v1/codelists.");
        }
        if (labels == null) return format == OutputFormat.SDMX_CSV ? LabelMode.CODE : LabelMode.BOTH;
        return switch (labels) {
            case "code" -> LabelMode.CODE;
            case "label" -> LabelMode.LABEL;
            case "both" -> LabelMode.BOTH;
            default -> throw ErrorKind.INVALID_PARAMETER.error("labels must be code, label or both; got '" + labels + "'.",
                    Map.of("parameter", "labels", "allowed", List.of("code", "label", "both")));
        };
    }

    static TableOptions table(String layout, String separator, String bom, OutputFormat format, String lang) {
        TableOptions.Layout chosenLayout = layout(layout);
        if (chosenLayout == TableOptions.Layout.WIDE && format != OutputFormat.CSV && format != OutputFormat.XLSX) {
            throw conflict("layout", "layout=wide (periods as columns) is offered for format=csv and format=xlsx, not format="
                    + format.parameter() + ".");
        }
        if ((separator != null || bom != null) && format != OutputFormat.CSV) {
            throw conflict(separator != null ? "csvSeparator" : "bom", "csvSeparator and bom apply to format=csv only; format="
                    + format.parameter() + " has a fixed encoding.");
        }
        char sep = separator(separator);
        // A semicolon CSV is what spreadsheets in decimal-comma locales expect; give it the decimal mark of the asked language.
        char decimal = sep == ';' ? DecimalFormatSymbols.getInstance(Locale.forLanguageTag(lang)).getDecimalSeparator() : '.';
        return new TableOptions(chosenLayout, new TableOptions.CsvDialect(sep, decimal, bool("bom", bom)));
    }

    private static TableOptions.Layout layout(String layout) {
        if (layout == null) return TableOptions.Layout.LONG;
        return switch (layout) {
            case "long" -> TableOptions.Layout.LONG;
            case "wide" -> TableOptions.Layout.WIDE;
            default -> throw ErrorKind.INVALID_PARAMETER.error("layout must be long or wide; got '" + layout + "'.",
                    Map.of("parameter", "layout", "allowed", List.of("long", "wide")));
        };
    }

    private static char separator(String separator) {
        if (separator == null) return ',';
        return switch (separator) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            default -> throw ErrorKind.INVALID_PARAMETER.error("csvSeparator must be comma or semicolon; got '" + separator + "'.",
                    Map.of("parameter", "csvSeparator", "allowed", List.of("comma", "semicolon")));
        };
    }

    private static boolean bool(String name, String value) {
        if (value == null) return false;
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ErrorKind.INVALID_PARAMETER.error(name + " must be true or false; got '" + value + "'.",
                    Map.of("parameter", name, "allowed", List.of("true", "false")));
        };
    }

    private static ObservatoryException conflict(String parameter, String detail) {
        return ErrorKind.CONFLICTING_PARAMETERS.error(detail, Map.of("parameter", parameter));
    }
}
