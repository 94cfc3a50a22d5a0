package org.lmobservatory.widgets;

import java.util.ArrayList;
import java.util.List;

/** Text fitted without font metrics (the server has none): truncation and word wrap by estimated glyph width. */
final class TextLayout {
    private TextLayout() {
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Greedy word wrap by estimated width (average glyph width × characters). */
    static List<String> wrap(String text, double width, double charWidth) {
        int max = Math.max(10, (int) (width / charWidth));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
