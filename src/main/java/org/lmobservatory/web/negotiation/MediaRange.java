package org.lmobservatory.web.negotiation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A media range of an Accept header (RFC 9110 §12.5.1) such as {@code text/}&#42;{@code ;q=0.5}, or a media type the server
 * produces (no wildcards, quality 1). Names and parameter values are compared case-insensitively; the weight is
 * kept apart from the parameters, and anything after it (accept-ext) is ignored.
 */
public record MediaRange(String type, String subtype, Map<String, String> parameters, double quality) {

    public MediaRange {
        parameters = Map.copyOf(parameters);
    }

    /** Parses one range; empty when it is not of the form type/subtype or its weight is not a valid q. */
    public static Optional<MediaRange> parse(String text) {
        List<String> parts = HeaderValues.split(text, ';');
        if (parts.isEmpty()) return Optional.empty();
        String[] name = parts.get(0).toLowerCase(Locale.ROOT).split("/", -1);
        if (name.length != 2 || !token(name[0]) || !token(name[1]) || name[0].equals("*") && !name[1].equals("*")) return Optional.empty();
        Map<String, String> parameters = new LinkedHashMap<>();
        double quality = 1;
        for (String parameter : parts.subList(1, parts.size())) {
            int eq = parameter.indexOf('=');
            if (eq <= 0) return Optional.empty();
            String key = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = HeaderValues.unquote(parameter.substring(eq + 1));
            if (key.equals("q")) {
                Double q = HeaderValues.quality(value);
                if (q == null) return Optional.empty();
                quality = q;
                break;
            }
            parameters.put(key, value.toLowerCase(Locale.ROOT));
        }
        return Optional.of(new MediaRange(name[0], name[1], parameters, quality));
    }

    /** A media type we produce, e.g. {@code text/csv; charset=utf-8}. */
    public static MediaRange of(String mediaType) {
        MediaRange m = parse(mediaType).orElseThrow(() -> new IllegalArgumentException("not a media type: " + mediaType));
        if (m.type.equals("*") || m.subtype.equals("*")) throw new IllegalArgumentException("a produced type has no wildcard: " + mediaType);
        return m;
    }

    /** Whether this range accepts the offered type: the names match (or are wildcards) and every parameter of the range is the offer's. */
    public boolean includes(MediaRange offer) {
        if (!type.equals("*") && !type.equals(offer.type)) return false;
        if (!subtype.equals("*") && !subtype.equals(offer.subtype)) return false;
        return parameters.entrySet().stream().allMatch(p -> p.getValue().equals(offer.parameters.get(p.getKey())));
    }

    /** &#42;/&#42; &lt; type/&#42; &lt; type/subtype &lt; type/subtype;parameters: the most specific including range decides an offer's weight. */
    public int specificity() {
        if (type.equals("*")) return 0;
        if (subtype.equals("*")) return 1;
        return 2 + parameters.size();
    }

    public MediaRange withParameter(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.put(name.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
        return new MediaRange(type, subtype, p, quality);
    }

    @Override
    public String toString() {
        String params = parameters.entrySet().stream().map(e -> "; " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
        return type + "/" + subtype + params + (quality == 1 ? "" : "; q=" + quality);
    }

    /** RFC 9110 token; a loop rather than String.matches, which compiled a regex on every call of a hot path. */
    private static boolean token(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+.^_`|~-".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }
}
