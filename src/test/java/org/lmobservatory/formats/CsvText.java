package org.lmobservatory.formats;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader with a chosen separator, to check what the API wrote (CRLF only, quotes doubled). */
final class CsvText {
    private CsvText() {
    }

    static List<List<String>> parse(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else if (c == '\n') {
                throw new AssertionError("bare LF at offset " + i + ": lines must end with CRLF");
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) throw new AssertionError("CSV does not end with CRLF");
        return records;
    }
}
