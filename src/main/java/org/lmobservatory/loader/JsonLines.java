package org.lmobservatory.loader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.lmobservatory.db.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each value of a JSON file starts, by its JSON path ($.groups[0].members[1]). Jackson's tree
 * forgets where its nodes came from, so the file is streamed once more to tell a user which line to fix.
 */
public final class JsonLines {
    /** Marks an object on the path stack; the name of the field being read sits above it. */
    private static final Object OBJECT = new Object();

    private final Map<String, Integer> lines;

    private JsonLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** The line of the path, or of its nearest enclosing value that has one (0 if none). */
    public int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) return line;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) return lines.getOrDefault("$", 0);
            p = p.substring(0, cut);
        }
    }

    /** Paths of an unreadable file have no lines: the JSON error names its own. */
    public static JsonLines of(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(file.toFile())) {
            Deque<Object> path = new ArrayDeque<>(); // field names, OBJECT and int[] array counters, innermost first
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    if (!path.isEmpty() && path.peek() instanceof String) path.pop();
                    path.push(parser.currentName());
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    if (token == JsonToken.END_OBJECT && !path.isEmpty() && path.peek() instanceof String) path.pop();
                    if (!path.isEmpty()) path.pop();
                    continue;
                }
                if (!path.isEmpty() && path.peek() instanceof int[] counter) counter[0]++;
                lines.put(render(path), parser.currentTokenLocation().getLineNr());
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    path.push(token == JsonToken.START_ARRAY ? new int[]{-1} : OBJECT);
                }
            }
        } catch (IOException e) {
            return new JsonLines(Map.of());
        }
        return new JsonLines(lines);
    }

    private static String render(Deque<Object> path) {
        StringBuilder out = new StringBuilder("$");
        var it = path.descendingIterator();
        while (it.hasNext()) {
            Object step = it.next();
            if (step instanceof int[] counter) out.append('[').append(counter[0]).append(']');
            else if (step instanceof String field) out.append('.').append(field);
        }
        return out.toString();
    }
}
