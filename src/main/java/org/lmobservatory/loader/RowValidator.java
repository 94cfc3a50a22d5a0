package org.lmobservatory.loader;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.catalogue.Period;
import org.lmobservatory.formats.Flags;
import org.lmobservatory.loader.formats.ObservationReader;
import org.lmobservatory.loader.formats.RawObservation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Checks one raw row against the dataset: known codes, period of the right frequency, a number, known flags. */
final class RowValidator {
    /**
     * A row that passed: ready for staging. action is null for an ordinary load; for a delete (action D) empty codes
     * and a null periodStart mean "any".
     */
    record ValidRow(int line, List<String> codes, LocalDate periodStart, BigDecimal value, String flags, String action) {
        boolean isDelete() {
            return "D".equals(action);
        }
    }

    /** What a PostgreSQL numeric can store; beyond this staging would fail without a line number. */
    static final int MAX_DIGITS_BEFORE_POINT = 131_072;
    static final int MAX_DIGITS_AFTER_POINT = 16_383;

    private static final int MAX_REMEMBERED_PERIODS = 100_000;
    /** Periods already read, by their spelling in the file (only valid ones: an invalid one is reported on every line). */
    private final java.util.Map<String, LocalDate> periods = new java.util.HashMap<>();
    private final Dataset dataset;
    private final List<Codelist> codelists;
    private final CodeRecoder recoder;

    RowValidator(Dataset dataset, List<Codelist> codelists) {
        this(dataset, codelists, CodeRecoder.NONE);
    }

    RowValidator(Dataset dataset, List<Codelist> codelists, CodeRecoder recoder) {
        this.dataset = dataset;
        this.codelists = codelists;
        this.recoder = recoder;
    }

    /** The valid row, or null after reporting every problem of the row. */
    ValidRow validate(RawObservation original, ObservationReader.ErrorSink errors) {
        int before = errors.count();
        // Older classification versions first: the recoded code is the one checked and stored.
        RawObservation raw = recoder.apply(original, errors);
        boolean geoRejected = raw == null;
        if (geoRejected) raw = original;
        if (raw.isDelete() && !geoRejected) return validateDelete(raw, errors);
        for (Dimension d : dataset.dimensions()) {
            if (geoRejected && recoder.covers(d)) continue;
            checkCode(raw, d, false, errors);
        }
        LocalDate start = period(raw, errors);
        String flags = flags(raw, errors);
        Measure measure = errors.count() > before ? null : dataset.measureOf(raw.codes()).orElse(null);
        BigDecimal value = measure != null && measure.isCategory() ? category(raw, measure, flags, errors) : value(raw, flags, errors);
        if (errors.count() > before) return null;
        return new ValidRow(raw.line(), raw.codes(), start, value, flags.isEmpty() ? null : flags, raw.action());
    }

    /** A delete names observations, not values: empty codes or time select all; a code given must still exist. */
    private ValidRow validateDelete(RawObservation raw, ObservationReader.ErrorSink errors) {
        int before = errors.count();
        for (Dimension d : dataset.dimensions()) checkCode(raw, d, true, errors);
        LocalDate start = raw.time().isEmpty() ? null : period(raw, errors);
        if (errors.count() > before) return null;
        return new ValidRow(raw.line(), raw.codes(), start, null, null, raw.action());
    }

    private void checkCode(RawObservation raw, Dimension d, boolean emptyAllowed, ObservationReader.ErrorSink errors) {
        String code = raw.codes().get(d.position());
        Codelist list = codelists.get(d.position());
        if (code.isEmpty()) {
            if (!emptyAllowed) errors.add(raw.line(), d.id(), d.id() + " is empty");
        } else if (!list.contains(code)) {
            List<String> close = list.suggest(code);
            String hint = close.isEmpty() ? "" : " (did you mean " + Codelist.orList(close) + "?)";
            errors.add(raw.line(), d.id(), d.id() + " '" + code + "' is not in codelist " + list.id() + hint);
        }
    }

    private LocalDate period(RawObservation raw, ObservationReader.ErrorSink errors) {
        // A file repeats a few hundred periods millions of times: parsed once each (a fifth of the loader's time before).
        LocalDate known = periods.get(raw.time());
        if (known != null) return known;
        var parsed = Period.parse(raw.time(), dataset.frequency());
        // Year 0 does not exist in the calendar PostgreSQL uses; staging would fail on it without a line number.
        if (parsed.isEmpty() || parsed.get().start().getYear() < 1) {
            errors.add(raw.line(), "time", "time '" + raw.time() + "' is not a period; dataset " + dataset.id()
                    + " has frequency " + dataset.frequency() + " (write periods like " + dataset.frequency().example() + ")");
            return null;
        }
        if (parsed.get().granularity() != dataset.frequency()) {
            errors.add(raw.line(), "time", "time '" + raw.time() + "' does not match frequency " + dataset.frequency()
                    + " of dataset " + dataset.id() + " (write periods like " + dataset.frequency().example() + ")");
            return null;
        }
        if (periods.size() >= MAX_REMEMBERED_PERIODS) periods.clear();
        periods.put(raw.time(), parsed.get().start());
        return parsed.get().start();
    }

    private static String flags(RawObservation raw, ObservationReader.ErrorSink errors) {
        String f = raw.flags().replace(" ", "").toLowerCase();
        for (char c : f.toCharArray()) {
            if (!Flags.known(c)) {
                errors.add(raw.line(), "flag", "flag '" + c + "' is unknown; known flags: " + String.join(", ", Flags.LEGEND.keySet().stream().sorted().toList()));
                return "";
            }
        }
        return f;
    }

    /**
     * A value of a category measure is a code of the measure's codelist; it is staged as the code's stored position,
     * so the numeric paths (publish, merge, revisions) carry it unchanged.
     */
    private static BigDecimal category(RawObservation raw, Measure measure, String flags, ObservationReader.ErrorSink errors) {
        String v = raw.value();
        if (v.isEmpty() || flags.contains("c")) return value(raw, flags, errors);
        Optional<BigDecimal> position = measure.position(v);
        if (position.isEmpty()) {
            List<String> codes = measure.categories().stream().map(Code::id).toList();
            errors.add(raw.line(), "value", "value '" + v + "' of measure " + measure.code() + " is not a code of codelist "
                    + measure.codelist() + "; one of " + String.join(", ", codes));
            return null;
        }
        return position.get();
    }

    private static BigDecimal value(RawObservation raw, String flags, ObservationReader.ErrorSink errors) {
        String v = raw.value();
        if (v.isEmpty()) {
            if (flags.isEmpty()) {
                errors.add(raw.line(), "value", "value is empty; mark a missing value with flag m or a suppressed one with flag c");
            }
            return null;
        }
        if (flags.contains("c")) {
            errors.add(raw.line(), "value", "value '" + v + "' has flag c (confidential): a suppressed value must be left empty, never published");
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v);
            if (n.scale() > MAX_DIGITS_AFTER_POINT || n.precision() - n.scale() > MAX_DIGITS_BEFORE_POINT) {
                errors.add(raw.line(), "value", "value '" + v + "' is out of range: at most " + MAX_DIGITS_BEFORE_POINT
                        + " digits before and " + MAX_DIGITS_AFTER_POINT + " after the decimal point");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            String hint = v.matches("-?\\d+,\\d+") ? " (use '.' as the decimal separator)" : "";
            errors.add(raw.line(), "value", "value '" + v + "' is not a number" + hint);
            return null;
        }
    }
}
