package org.lmobservatory.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A request's parameters in one canonical form, built once by the parser and then only read: names sorted, and for
 * set-valued parameters the values split at commas, trimmed, sorted and deduplicated, so equivalent URLs share one
 * cache entry, one ETag and one citation. Its {@link #toString()} is the cache and ETag key; {@link #encoded()} is a
 * query string to put in a link. Nobody re-parses it from text.
 */
public final class CanonicalQuery {
    private static final CanonicalQuery EMPTY = new CanonicalQuery(new TreeMap<>());

    private final SortedMap<String, List<String>> params;

    private CanonicalQuery(SortedMap<String, List<String>> params) {
        this.params = Collections.unmodifiableSortedMap(params);
    }

    /** Every value a set: order and repetition carry no meaning (geo=FI1C,FI1B equals geo=FI1B&amp;geo=FI1C). */
    public static CanonicalQuery of(Map<String, List<String>> raw) {
        SortedMap<String, List<String>> sorted = new TreeMap<>();
        raw.forEach((name, values) -> {
            TreeSet<String> set = new TreeSet<>();
            for (String v : values) for (String part : v.split(",")) if (!part.isBlank()) set.add(part.trim());
            if (!set.isEmpty()) sorted.put(name, List.copyOf(set));
        });
        return sorted.isEmpty() ? EMPTY : new CanonicalQuery(sorted);
    }

    /** Names sorted, values kept in their order, where order matters (a widget's compare=country,region). */
    public static CanonicalQuery ordered(Map<String, List<String>> raw) {
        SortedMap<String, List<String>> sorted = new TreeMap<>();
        raw.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
        return new CanonicalQuery(sorted);
    }

    public CanonicalQuery without(String... names) {
        SortedMap<String, List<String>> copy = new TreeMap<>(params);
        copy.keySet().removeAll(Arrays.asList(names));
        return new CanonicalQuery(copy);
    }

    public CanonicalQuery with(String name, String value) {
        SortedMap<String, List<String>> copy = new TreeMap<>(params);
        copy.put(name, List.of(value));
        return new CanonicalQuery(copy);
    }

    /** The parameters before all others, in that order (a citation leads with release=). */
    public String encodedAfter(String name, String value) {
        List<String> pairs = new ArrayList<>();
        pairs.add(encode(name) + "=" + encode(value));
        String rest = without(name).encoded();
        if (!rest.isEmpty()) pairs.add(rest);
        return String.join("&", pairs);
    }

    public Map<String, List<String>> params() {
        return params;
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }

    /** A query string: each value percent-encoded, except the commas between values and the colons of times. */
    public String encoded() {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + e.getValue().stream().map(CanonicalQuery::encode).collect(Collectors.joining(",")))
                .collect(Collectors.joining("&"));
    }

    /** name=v1,v2&amp;… unencoded: the key of caches and ETags (and what the XLSX sheet shows as the query). */
    @Override
    public String toString() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + String.join(",", e.getValue())).collect(Collectors.joining("&"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalQuery other && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2C", ",").replace("%3A", ":");
    }
}
