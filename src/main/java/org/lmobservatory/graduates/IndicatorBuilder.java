package org.lmobservatory.graduates;

import org.lmobservatory.disclosure.CellKeyNoise;
import org.lmobservatory.disclosure.DisclosureReport;
import org.lmobservatory.disclosure.DisclosureSettings;
import org.lmobservatory.disclosure.ProtectionLevel;
import org.lmobservatory.disclosure.Rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the grid of counts into published cells: each block protected on its own (in parallel: blocks share no sum),
 * then values computed from the perturbed counts. Every suppressed cell carries no value, flag c and confStatus C,
 * whatever the reason, so the status itself tells a reader nothing about the size of the cell.
 */
final class IndicatorBuilder {
    /** A published cell; codes are geo, field, sex, months, indicator. */
    record PublishedCell(String geo, String field, String sex, String months, String indicator, int year, BigDecimal value,
                         String flag, String confStatus) {
    }

    record Result(List<PublishedCell> cells, DisclosureReport report) {
    }

    private IndicatorBuilder() {
    }

    static Result build(OutcomeGrid grid, DisclosureSettings settings, ProtectionLevel protection, EarlierReleases earlier) {
        OutcomeProtection protector = new OutcomeProtection(settings, protection, CellKeyNoise.MAX_NOISE, earlier);
        List<OutcomeProtection.Protected> blocks = grid.blocks().parallelStream().map(protector::protect).toList();
        List<PublishedCell> cells = new ArrayList<>();
        Map<Rule, Long> suppressed = new EnumMap<>(Rule.class);
        long audited = 0;
        long failures = 0;
        for (OutcomeProtection.Protected p : blocks) {
            audited += p.audit().targets();
            failures += p.audit().failures().size();
            List<OutcomeGrid.OutcomeCell> blockCells = p.block().cells();
            for (int i = 0; i < blockCells.size(); i++) {
                OutcomeGrid.OutcomeCell c = blockCells.get(i);
                for (Indicator ind : Indicator.ALL) {
                    Rule rule = p.rules()[i][ind.ordinal()];
                    if (rule != null) suppressed.merge(rule, 1L, Long::sum);
                    cells.add(new PublishedCell(c.geo(), c.field(), c.sex(), c.months(), ind.name(), c.year(),
                            rule == null ? ind.value(c) : null, rule == null ? null : "c", rule == null ? "F" : "C"));
                }
            }
        }
        return new Result(cells, DisclosureReport.perturbed(settings, cells.size(), suppressed, CellKeyNoise.MAX_NOISE, protection, audited, failures));
    }
}
