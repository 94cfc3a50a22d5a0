package org.lmobservatory.widgets;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.web.Languages;
import org.lmobservatory.widgets.CollectedObservations.Cell;
import org.lmobservatory.widgets.IndicatorView.Article;
import org.lmobservatory.widgets.IndicatorView.Change;
import org.lmobservatory.widgets.IndicatorView.Comparison;
import org.lmobservatory.widgets.IndicatorView.Flags;
import org.lmobservatory.widgets.IndicatorView.Headline;
import org.lmobservatory.widgets.IndicatorView.Row;
import org.lmobservatory.widgets.IndicatorView.Table;
import org.lmobservatory.widgets.IndicatorView.Trend;
import org.lmobservatory.widgets.IndicatorWidget.Area;
import org.lmobservatory.widgets.IndicatorWidget.Model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The widget's model turned into {@link IndicatorView}: numbers formatted per language, labels picked, changes worked out. */
final class IndicatorViews {
    private final Model m;
    private final WidgetTexts t;
    private final LocaleFormat f;
    private final int decimals;
    private final String unitId;
    private final String unitLabel;
    private final boolean percent;
    /** Set when the values are categories (barometer ratings): shown by label, with no arithmetic on them. */
    private final Measure category;

    private IndicatorViews(Model m) {
        this.m = m;
        this.t = new WidgetTexts(m.lang());
        this.f = new LocaleFormat(m.lang());
        this.decimals = m.unit().decimals();
        this.unitId = m.unit().id();
        this.unitLabel = Languages.pick(m.unit().label(), m.lang());
        this.percent = LocaleFormat.isPercent(unitId);
        this.category = m.measure().filter(Measure::isCategory).orElse(null);
    }

    /** A value as shown: a category's label, or the number in the language's format. */
    private String shown(BigDecimal value) {
        if (category != null) return category.category(value).map(c -> Languages.pick(c.labels(), m.lang())).orElse(value.toPlainString());
        return f.number(value, decimals);
    }

    /** The machine-readable value of a data element: a category's code, or the plain number. */
    private String plain(BigDecimal value) {
        if (category != null) return category.category(value).map(Code::id).orElse(value.toPlainString());
        return value.toPlainString();
    }

    static Article article(Model m, String origin) {
        return new IndicatorViews(m).article(origin);
    }

    private Article article(String origin) {
        String title = Languages.pick(m.dataset().title(), m.lang());
        Optional<Integer> latest = m.main().latestReported();
        Headline headline = latest.map(this::headline).orElse(null);
        List<Comparison> comparisons = latest.map(this::comparisons).orElse(List.of());
        Trend trend = m.main().latestWithValue().isPresent() ? trend(title) : null;
        return new Article(t, m.theme().mode(), m.theme().font(), m.lang(), title,
                m.filters().isEmpty() ? null : String.join(" · ", m.filters()), latest.isEmpty() ? m.main().label() : null,
                headline, comparisons, trend, m.notes(), flagLegend(), table(title), IndicatorWidgetPage.apiUrl(m, origin, true),
                IndicatorWidgetPage.citation(m, origin, f, t), m.dataset().source(), m.dataset().licence(),
                IndicatorWidgetPage.apiUrl(m, origin, false), m.dataset().demonstration());
    }

    private Headline headline(int i) {
        Cell cell = m.main().cells().get(i);
        if (!cell.hasValue()) {
            // The flag's own explanation is the reason ("confidential: suppressed to protect small groups").
            String reason = t.flag(cell.withheld());
            return new Headline(m.main().label(), period(i), null, null, null, flags(cell), null,
                    reason.substring(0, 1).toUpperCase(java.util.Locale.forLanguageTag(m.lang())) + reason.substring(1));
        }
        if (category != null) return new Headline(m.main().label(), period(i), plain(cell.value()), shown(cell.value()), "", flags(cell), null, null);
        return new Headline(m.main().label(), period(i), cell.value().toPlainString(), f.number(cell.value(), decimals),
                percent ? "%" : f.unitWord(cell.value(), decimals, unitId, unitLabel), flags(cell), change(i, cell.value()), null);
    }

    private Change change(int i, BigDecimal value) {
        if (i == 0 || !m.main().cells().get(i - 1).hasValue()) return null;
        BigDecimal previous = m.main().cells().get(i - 1).value();
        BigDecimal change = value.subtract(previous);
        int sign = change.setScale(decimals, RoundingMode.HALF_UP).signum();
        String relative = null;
        if (!percent && previous.signum() != 0) {
            BigDecimal ratio = change.multiply(BigDecimal.valueOf(100)).divide(previous.abs(), 1, RoundingMode.HALF_UP);
            relative = f.signed(ratio, 1) + (m.lang().equals("en") ? "%" : "\u00a0%");
        }
        return new Change(sign > 0 ? "▲" : sign < 0 ? "▼" : "▶", t.get("changeSince", "period", f.periodAfterPreposition(m.frequency(), m.periods().get(i - 1))),
                f.signed(change, decimals), percent ? f.unitWord(change, decimals, "PP", t.get("percentagePoints")) : f.unitWord(change, decimals, unitId, unitLabel), relative,
                sign > 0 ? t.get("up") : sign < 0 ? t.get("down") : t.get("unchanged"));
    }

    /** Each comparison area in the headline's period, or at its own latest value (with that period) when it has none then. */
    private List<Comparison> comparisons(int i) {
        BigDecimal main = m.main().cells().get(i).value();
        List<Comparison> out = new ArrayList<>();
        for (Area a : m.comparisons()) {
            String level = a.level() == null ? null : t.level(a.level());
            int at = a.cells().get(i).hasValue() ? i : a.latestWithValue().orElse(-1);
            if (at < 0) {
                out.add(new Comparison(a.label(), level, null, null, null, null, null));
                continue;
            }
            Cell c = a.cells().get(at);
            if (category != null) {
                out.add(new Comparison(a.label(), level, plain(c.value()), shown(c.value()), flags(c), at == i ? null : period(at), null));
                continue;
            }
            String difference = at == i && main != null ? f.signed(main.subtract(c.value()), decimals) + " "
                    + (percent ? t.get("percentagePoints") : f.unitWord(main.subtract(c.value()), decimals, unitId, unitLabel)) : null;
            out.add(new Comparison(a.label(), level, c.value().toPlainString(), f.withUnit(c.value(), decimals, unitId, unitLabel), flags(c),
                    at == i ? null : period(at), difference));
        }
        return out;
    }

    private Trend trend(String title) {
        List<Cell> cells = m.main().cells();
        if (category != null || cells.stream().filter(Cell::hasValue).count() < 2) return null;
        ChartModel spark = new ChartModel(ChartType.SPARKLINE, m.lang(), title, null, unitId, unitLabel, decimals, m.frequency(),
                m.periods(), List.of(new ChartModel.Series(m.main().code(), m.main().label(), cells)), List.of(), m.theme().accent());
        return new Trend(Sparkline.render(spark, IndicatorWidgetPage.ID + "-spark", 480, 64, false),
                t.get("trend", "from", period(0), "to", period(m.periods().size() - 1)));
    }

    /** The flags used anywhere in the widget, each explained once. */
    private String flagLegend() {
        TreeSet<Character> flags = new TreeSet<>();
        for (Area a : areas()) for (Cell c : a.cells()) if (c.flags() != null) for (char ch : c.flags().toCharArray()) flags.add(ch);
        if (flags.isEmpty()) return null;
        return flags.stream().map(ch -> ch + " = " + t.flag(ch)).collect(Collectors.joining("; "));
    }

    private Table table(String title) {
        List<Area> areas = areas();
        List<Row> rows = new ArrayList<>();
        for (int i = m.periods().size() - 1; i >= 0; i--) {
            List<IndicatorView.Cell> cells = new ArrayList<>();
            for (Area a : areas) {
                Cell c = a.cells().get(i);
                cells.add(new IndicatorView.Cell(c.hasValue() ? shown(c.value()) : null, flags(c)));
            }
            rows.add(new Row(period(i), cells));
        }
        return new Table(title + " (" + unitLabel + ")", areas.stream().map(Area::label).toList(), rows);
    }

    private List<Area> areas() {
        List<Area> areas = new ArrayList<>(List.of(m.main()));
        areas.addAll(m.comparisons());
        return areas;
    }

    private Flags flags(Cell c) {
        if (c.flags() == null || c.flags().isEmpty()) return null;
        List<String> meanings = new ArrayList<>();
        for (char ch : c.flags().toCharArray()) meanings.add(t.flag(ch));
        return new Flags(c.flags(), String.join("; ", meanings));
    }

    private String period(int i) {
        return f.period(m.frequency(), m.periods().get(i));
    }
}
