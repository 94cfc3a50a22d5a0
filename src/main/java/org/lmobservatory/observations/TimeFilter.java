package org.lmobservatory.observations;

import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.releases.Release;

import java.time.LocalDate;

/**
 * The time part of a query: a closed range of periods (either end open), or the last N periods of whatever
 * release is current, so saved links and embeds move on when new periods are published.
 */
public record TimeFilter(LocalDate from, LocalDate toExclusive, Integer lastPeriods) {
    public static final TimeFilter ALL = new TimeFilter(null, null, null);

    /** [from, to) as concrete dates for a release; null bounds mean "no bound". */
    public Window resolve(Release release, Frequency frequency) {
        if (lastPeriods == null) return new Window(from, toExclusive);
        if (release.periodMax() == null) return new Window(null, null);
        LocalDate start = frequency.minus(release.periodMax(), lastPeriods - 1L);
        return new Window(start, frequency.next(release.periodMax()));
    }

    public record Window(LocalDate from, LocalDate toExclusive) {
        /** How many periods of the release fall in this window (an upper bound on cells per series). */
        public long periodsIn(Release release, Frequency frequency) {
            if (release.periodMin() == null) return 0;
            LocalDate lo = from == null || from.isBefore(release.periodMin()) ? release.periodMin() : alignUp(from, release.periodMin(), frequency);
            LocalDate hiExclusive = toExclusive == null || toExclusive.isAfter(release.periodMax()) ? frequency.next(release.periodMax()) : toExclusive;
            if (!lo.isBefore(hiExclusive)) return 0;
            LocalDate last = frequency.minus(alignUp(hiExclusive, release.periodMin(), frequency), 1);
            return last.isBefore(lo) ? 0 : frequency.periodsBetween(lo, last);
        }

        private static LocalDate alignUp(LocalDate date, LocalDate anchor, Frequency frequency) {
            LocalDate d = anchor;
            while (d.isBefore(date)) d = frequency.next(d);
            return d;
        }
    }
}
