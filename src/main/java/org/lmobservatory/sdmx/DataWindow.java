package org.lmobservatory.sdmx;

import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.ResultFilter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * SDMX 2.1 REST's firstNObservations and lastNObservations (at most N observations of each matching series, the
 * earliest or the latest) and updatedAfter (the observations added, revised or deleted since the instant), on the rows
 * as the database streams them: series after series, periods ascending within each. lastN keeps only N rows of one
 * series in memory. updatedAfter is read by the database (changedSince: versioned storage knows which release wrote or
 * closed each cell); when the release answered was published before the instant nothing can have changed since.
 */
record DataWindow(Integer firstN, Integer lastN, Instant updatedAfter) implements ResultFilter {

    /** The window of these parameters (null: absent); a malformed one is a 400 that says what is expected. */
    static DataWindow of(String firstN, String lastN, String updatedAfter) {
        DataWindow window = new DataWindow(count("firstNObservations", firstN), count("lastNObservations", lastN), instant(updatedAfter));
        return window.firstN == null && window.lastN == null && window.updatedAfter == null ? null : window;
    }

    @Override
    public String variant() {
        return "firstNObservations=" + firstN + "&lastNObservations=" + lastN + "&updatedAfter=" + updatedAfter;
    }

    @Override
    public Instant changedSince() {
        return updatedAfter;
    }

    @Override
    public ObservationResult apply(ObservationResult r) {
        Stream<ObservationRow> rows = r.rows();
        if (updatedAfter != null && !r.release().publishedAt().isAfter(updatedAfter)) {
            rows = Stream.<ObservationRow>empty().onClose(r.rows()::close);
        } else if (firstN != null || lastN != null) {
            Stream<ObservationRow> source = rows;
            rows = StreamSupport.stream(Spliterators.spliteratorUnknownSize(new PerSeries(source.iterator(), firstN, lastN),
                    Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(source::close);
        }
        return new ObservationResult(r.query(), r.release(), r.series(), rows, r.warnings(), r.cells(), r.selfLink(), r.citation(),
                r.confidentiality());
    }

    private static Integer count(String name, String text) {
        if (text == null) return null;
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw ErrorKind.INVALID_PARAMETER.error(name + " must be a positive whole number (the most observations per series); got '"
                + text + "'.", Map.of("parameter", name));
    }

    /** SDMX's updatedAfter is an xs:dateTime: with an offset (2024-05-01T00:00:00Z or +02:00), or a date (its start in UTC). */
    /** The instants PostgreSQL's timestamptz holds with room to spare; beyond them the database would fail the query. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant instant(String text) {
        Instant instant = parsed(text);
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw ErrorKind.INVALID_PARAMETER.error("updatedAfter must be between the years 1 and 9999; got '" + text + "'.",
                    Map.of("parameter", "updatedAfter"));
        }
        return instant;
    }

    private static Instant parsed(String text) {
        if (text == null) return null;
        // A '+' of an offset sent unencoded arrives as a space (form decoding): read it as the '+' it was.
        String t = text.strip().replaceFirst(" (\\d{2}:?\\d{2})$", "+$1");
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw ErrorKind.INVALID_PARAMETER.error("updatedAfter must be an instant with its offset, e.g. 2024-05-01T00:00:00Z or "
                        + "2024-05-01T09:00:00+03:00 (a '+' written in a URL is %2B), or a date; got '" + text + "'.",
                        Map.of("parameter", "updatedAfter"));
            }
        }
    }

    /** The first N and/or last N rows of each series, in order. */
    private static final class PerSeries implements Iterator<ObservationRow> {
        private final Iterator<ObservationRow> rows;
        private final Integer firstN;
        private final Integer lastN;
        private final ArrayDeque<ObservationRow> ready = new ArrayDeque<>();
        private ObservationRow pending;

        PerSeries(Iterator<ObservationRow> rows, Integer firstN, Integer lastN) {
            this.rows = rows;
            this.firstN = firstN;
            this.lastN = lastN;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && (pending != null || rows.hasNext())) fillOneSeries();
            return !ready.isEmpty();
        }

        @Override
        public ObservationRow next() {
            if (!hasNext()) throw new NoSuchElementException();
            return ready.poll();
        }

        /** Reads one series' rows and queues those kept: with both bounds, SDMX's union of the first and the last. */
        private void fillOneSeries() {
            List<ObservationRow> series = new ArrayList<>();
            ObservationRow row = pending != null ? pending : rows.next();
            pending = null;
            int index = row.seriesIndex();
            ArrayDeque<ObservationRow> last = new ArrayDeque<>();
            int seen = 0;
            while (true) {
                if (firstN != null && seen < firstN) series.add(row);
                else if (lastN != null) {
                    last.add(row);
                    if (last.size() > lastN) last.poll();
                }
                seen++;
                if (!rows.hasNext()) break;
                row = rows.next();
                if (row.seriesIndex() != index) {
                    pending = row;
                    break;
                }
            }
            if (firstN == null) {
                ready.addAll(last);
                return;
            }
            // Only rows after the first N went to last, so a series shorter than both bounds is written once.
            ready.addAll(series);
            ready.addAll(last);
        }
    }
}
