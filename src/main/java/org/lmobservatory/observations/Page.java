package org.lmobservatory.observations;

import org.lmobservatory.errors.ErrorKind;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;

/**
 * Keyset paging of JSON observation lists: a page starts after (series position, period) of the previous page's
 * last row, so page N costs the same as page 1 (no OFFSET). The cursor is opaque to clients.
 */
public record Page(int limit, int startSeries, LocalDate afterPeriod) {

    public static Page first(int limit) {
        return new Page(limit, 0, null);
    }

    public static String cursor(int seriesIndex, LocalDate lastPeriod) {
        String raw = "v1:" + seriesIndex + ":" + lastPeriod;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Page fromCursor(String cursor, int limit) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 3 || !parts[0].equals("v1")) throw new IllegalArgumentException(raw);
            int series = Integer.parseInt(parts[1]);
            if (series < 0) throw new IllegalArgumentException(raw);
            LocalDate last = LocalDate.parse(parts[2]);
            // A forged cursor with a date the database cannot hold would otherwise fail in SQL as a 500.
            if (last.getYear() < 1 || last.getYear() > 9999) throw new IllegalArgumentException(raw);
            return new Page(limit, series, last);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ErrorKind.INVALID_CURSOR.error(
                    "cursor '" + cursor + "' is not one this API issued; follow the 'next' link of the previous page unchanged.",
                    Map.of("parameter", "cursor"));
        }
    }
}
