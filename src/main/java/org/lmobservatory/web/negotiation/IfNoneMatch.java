package org.lmobservatory.web.negotiation;

import java.util.ArrayList;
import java.util.List;

/**
 * The If-None-Match header (RFC 9110 §13.1.2): {@code *} or a list of entity tags, compared weakly (W/ is ignored),
 * as a GET or HEAD must. Tags are split on commas outside quotes, because a comma may be part of an opaque tag.
 * Malformed members are ignored rather than matched, so a garbled header yields a full answer, never a wrong 304.
 */
public record IfNoneMatch(boolean any, List<String> opaqueTags) {
    public static final IfNoneMatch ABSENT = new IfNoneMatch(false, List.of());

    public IfNoneMatch {
        opaqueTags = List.copyOf(opaqueTags);
    }

    public static IfNoneMatch parse(String header) {
        if (header == null || header.isBlank()) return ABSENT;
        if (header.trim().equals("*")) return new IfNoneMatch(true, List.of());
        List<String> tags = new ArrayList<>();
        for (String member : HeaderValues.split(header, ',')) {
            String tag = member.startsWith("W/") ? member.substring(2) : member;
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") && tag.indexOf('"', 1) == tag.length() - 1) tags.add(tag);
        }
        return new IfNoneMatch(false, tags);
    }

    /** Whether the client holds the representation with this (strong or weak) entity tag: then the answer is 304. */
    public boolean matches(String etag) {
        if (any) return true;
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        return opaqueTags.contains(opaque);
    }
}
