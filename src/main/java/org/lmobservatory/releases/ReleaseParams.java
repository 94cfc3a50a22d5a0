package org.lmobservatory.releases;

import org.lmobservatory.errors.ErrorKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Parses release= and asOf= (and since= of revisions): every mistake is a 400 that shows the accepted forms. */
public final class ReleaseParams {
    private ReleaseParams() {
    }

    public static ReleaseSelector selector(String release, String asOf) {
        if (release != null && asOf != null) {
            throw ErrorKind.CONFLICTING_PARAMETERS.error("Use either release or asOf, not both.");
        }
        if (release != null) return new ReleaseSelector(releaseId("release", release), null);
        if (asOf != null) return new ReleaseSelector(null, moment("asOf", asOf));
        return ReleaseSelector.CURRENT;
    }

    public static long releaseId(String parameter, String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ErrorKind.INVALID_PARAMETER.error(parameter + " must be a release id (a whole number, see "
                + "/v1/datasets/{id}/releases); got '" + text + "'.", Map.of("parameter", parameter));
    }

    /**
     * A moment: 2025-03-01T12:00:00Z, with an offset, or without one (UTC); a bare date 2025-03-01 means the end of
     * that day (UTC), i.e. what was published on it.
     */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static Instant moment(String parameter, String text) {
        // A '+' of an offset arrives as a space when the client did not encode it.
        if (text.length() > 6 && text.charAt(text.length() - 6) == ' ') text = text.substring(0, text.length() - 6) + "+" + text.substring(text.length() - 5);
        try {
            Instant moment;
            if (text.length() == 10) moment = LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000);
            else if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) moment = OffsetDateTime.parse(text).toInstant();
            else moment = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            // java.time reads years up to ±999,999,999, which no release has and the database cannot compare with.
            if (moment.isBefore(EARLIEST) || moment.isAfter(LATEST)) throw new DateTimeParseException("out of range", text, 0);
            return moment;
        } catch (DateTimeParseException e) {
            throw ErrorKind.INVALID_PARAMETER.error(parameter + " must be a date (2025-03-01) or a timestamp "
                    + "(2025-03-01T12:00:00Z) between the years 1 and 9999; got '" + text + "'.", Map.of("parameter", parameter));
        }
    }
}
