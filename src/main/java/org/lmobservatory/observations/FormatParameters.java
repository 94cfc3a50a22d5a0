package org.lmobservatory.observations;

import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.negotiation.MediaRange;
import org.lmobservatory.web.negotiation.Negotiation;

import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    private static final Map<MediaRange, OutputFormat> OFFERS = offers();
    private static final List<MediaRange> OFFERED = List.copyOf(OFFERS.keySet());

    private static Map<MediaRange, OutputFormat> offers() {
        Map<MediaRange, OutputFormat> offers = new LinkedHashMap<>();
        for (OutputFormat f : OutputFormat.values()) offers.put(MediaRange.of(f.contentType()), f);
        // JSON-stat is also asked for as JSON with a profile, spelt jsonstat, json-stat or as the format's URL.
        offers.put(MediaRange.of("application/json; profile=jsonstat"), OutputFormat.JSONSTAT);
        return offers;
    }

    static OutputFormat format(String format, String accept) {
        if (format != null) {
            return OutputFormat.byParameter(format).orElseThrow(() -> ErrorKind.INVALID_PARAMETER.error(
                    "format must be one of " + String.join(", ", OutputFormat.parameters()) + "; got '" + format + "'.",
                    Map.of("parameter", "format", "allowed", OutputFormat.parameters())));
        }
        return negotiate(accept);
    }

    /**
     * The format the Accept header prefers (see {@link Negotiation}); JSON without a header. A header that accepts none
     * of our formats is a 406 that lists them.
     */
    static OutputFormat negotiate(String accept) {
        // Most requests send no Accept or */*: JSON without parsing anything.
        if (accept == null || accept.isBlank() || accept.equals("*/*")) return OutputFormat.JSON;
        List<MediaRange> accepted = Negotiation.accepted(accept).stream().map(FormatParameters::jsonStatProfile).toList();
        return Negotiation.choose(accepted, OFFERED).map(OFFERS::get)
                .orElseThrow(() -> NotAcceptable.problem(Arrays.stream(OutputFormat.values()).map(OutputFormat::contentType).toList()));
    }

    private static MediaRange jsonStatProfile(MediaRange range) {
        String profile = range.parameters().get("profile");
        return profile != null && profile.replace("-", "").contains("jsonstat") ? range.withParameter("profile", "jsonstat") : range;
    }

    static LabelMode labels(String labels, OutputFormat format) {
        if (labels != null && format == OutputFormat.JSONSTAT) {
            throw conflict("labels", "labels does not apply to format=jsonstat: JSON-stat always carries both codes (category index) "
                    + "and labels. Leave labels out.");
        }
        if (labels != null && format.sdmx() && !labels.equals("code")) {
            throw conflict("labels", "format=" + format.parameter() + " carries codes only, as SDMX tools expect (labels=code); the labels are at "
                    + "/v1/codelists.");
        }
        if (labels == null) return format.sdmx() ? LabelMode.CODE : LabelMode.BOTH;
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
