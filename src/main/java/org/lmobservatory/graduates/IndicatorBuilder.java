package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.Cell;
import org.lmobservatory.disclosure.DisclosureReport;
import org.lmobservatory.disclosure.DisclosureSettings;
import org.lmobservatory.disclosure.Hierarchy;
import org.lmobservatory.disclosure.Protection;
import org.lmobservatory.disclosure.Rounding;
import org.lmobservatory.disclosure.Rule;
import org.lmobservatory.disclosure.Table;
import org.lmobservatory.disclosure.TableProtector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the counts into published cells: one table per indicator over (cohort, months, area, field, sex), protected
 * in dependency order (graduates tracked first, rates inheriting), then values computed from the protected — and,
 * if the dataset rounds, rounded — counts. Suppressed cells carry no value, flag c and their confStatus.
 */
final class IndicatorBuilder {
    static final List<String> DIMENSIONS = List.of("year", "months", "geo", "field", "sex");
    private static final int DECIMALS = 1;

    /** A published cell; codes are geo, field, sex, months, indicator. */
    record PublishedCell(String geo, String field, String sex, String months, String indicator, int year, BigDecimal value,
                         String flag, String confStatus) {
    }

    record Result(List<PublishedCell> cells, DisclosureReport report) {
    }

    private IndicatorBuilder() {
    }

    static Result build(List<OutcomeCounts.Row> rows, Map<String, String> areaParents, Map<String, String> fieldParents,
                        DisclosureSettings settings) {
        List<Hierarchy> hierarchies = List.of(Hierarchy.flat(), Hierarchy.flat(), new Hierarchy(areaParents),
                new Hierarchy(fieldParents), new Hierarchy(Map.of("F", "T", "M", "T")));
        Map<Indicator, Protection> protections = new EnumMap<>(Indicator.class);
        DisclosureReport report = DisclosureReport.empty(settings);
        for (Indicator indicator : Indicator.values()) {
            Table table = new Table(indicator.kind, DIMENSIONS, hierarchies);
            for (OutcomeCounts.Row r : rows) {
                table.add(new Cell(key(r), indicator.numerator.applyAsLong(r), indicator.denominator.applyAsLong(r)));
            }
            Protection inherited = indicator.inheritsFrom == null ? null : protections.get(indicator.inheritsFrom);
            Protection p = TableProtector.protect(table, settings, inherited, indicator.additive);
            protections.put(indicator, p);
            long rounded = settings.roundingBase() == null || indicator == Indicator.EARN_BAND_MEDIAN ? 0 : rows.size() - p.keys().size();
            report = report.plus(rows.size(), p, rounded);
        }
        List<PublishedCell> cells = new ArrayList<>(rows.size() * Indicator.values().length);
        for (OutcomeCounts.Row r : rows) {
            List<String> key = key(r);
            for (Indicator indicator : Indicator.values()) {
                Rule rule = protections.get(indicator).rule(key);
                BigDecimal value = rule == null ? value(indicator, r, settings.roundingBase()) : null;
                cells.add(new PublishedCell(r.geo(), r.field(), r.sex(), r.months(), indicator.name(), r.year(), value,
                        rule == null ? null : "c", rule == null ? "F" : rule.confStatus()));
            }
        }
        return new Result(cells, report);
    }

    private static BigDecimal value(Indicator indicator, OutcomeCounts.Row r, Integer base) {
        return switch (indicator) {
            case TRACKED -> BigDecimal.valueOf(Rounding.round(r.tracked(), base));
            case EARN_BAND_MEDIAN -> BigDecimal.valueOf(r.earningsMedian());
            default -> Rounding.percent(indicator.numerator.applyAsLong(r), indicator.denominator.applyAsLong(r), base, DECIMALS);
        };
    }

    private static List<String> key(OutcomeCounts.Row r) {
        return List.of(Integer.toString(r.year()), r.months(), r.geo(), r.field(), r.sex());
    }
}
