package org.lmobservatory.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed seed CSV read independently of the loader, as the expected side of API tests. */
public final class SeedFile {
    private SeedFile() {
    }

    /** Rows of seed/data/{dataset}.csv as column → value maps (the seed files contain no quoted fields). */
    public static List<Map<String, String>> rows(String datasetId) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("seed/data", datasetId + ".csv"), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) continue;
            String[] fields = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], fields[i]);
            rows.add(row);
        }
        return rows;
    }

    /** Parses an RFC 4180 CSV text (quotes, CRLF) into records, to check what the API wrote. */
    public static List<List<String>> parseCsv(String text) {
        return parseCsv(text, ',');
    }

    /** The same strict reader with another separator (semicolon files for decimal-comma locales). */
    public static List<List<String>> parseCsv(String text, char separator) {
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
                throw new AssertionError("bare LF at offset " + i + ": RFC 4180 lines end with CRLF");
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) throw new AssertionError("CSV does not end with CRLF");
        return records;
    }

    public static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
