package org.lmobservatory.widgets;

import org.lmobservatory.web.Languages;
import org.lmobservatory.widgets.CollectedObservations.Cell;
import org.lmobservatory.widgets.IndicatorWidget.Area;
import org.lmobservatory.widgets.IndicatorWidget.Model;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.lmobservatory.widgets.Markup.escape;

/**
 * The indicator widget as HTML: headline value with period and unit, change since the previous period, the
 * comparison areas, a sparkline, flags explained, a table and citation behind disclosure buttons, and the source
 * line that links back to the API. The same markup is the iframe page's body and the script widget's shadow root.
 */
final class IndicatorWidgetPage {
    static final String ID = "lmo";

    private IndicatorWidgetPage() {
    }

    /** The widget's style sheet for a theme: the static rules plus the accent colours. */
    static String css(WidgetTheme theme) {
        return ".lmo{--lmo-accent:" + theme.accent() + ";--lmo-on-accent:" + theme.onAccent() + "}\n" + WidgetAssets.WIDGET_CSS;
    }

    /** The whole iframe page; style and script are inline and allowed by their hashes (see {@link WidgetHeaders}). */
    static String page(Model m, String origin, String pageUrl, String style, String script) {
        WidgetTexts t = new WidgetTexts(m.lang());
        String title = Languages.pick(m.dataset().title(), m.lang()) + ": " + m.main().label();
        return "<!doctype html>\n<html lang=\"" + escape(m.lang()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + escape(origin + "/oembed?url="
                + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8) + "&format=json") + "\" title=\"" + escape(title) + "\">"
                + "<style>" + style + "</style></head><body><main>" + article(m, origin, t) + "</main>"
                + "<script>" + script + "</script></body></html>\n";
    }

    /** What the script widget puts in its shadow root: the style sheet and the article. */
    static String fragment(Model m, String origin, String style) {
        return "<style>" + style + "</style>" + article(m, origin, new WidgetTexts(m.lang()));
    }

    /** A request that cannot be drawn: still a readable, embeddable message rather than a blank frame. */
    static String errorArticle(String message) {
        return "<div class=\"lmo-error\" role=\"alert\"><p>" + escape(message) + "</p></div>";
    }

    static String errorPage(String message, String style) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Widget error</title><style>" + style + "</style></head><body><main>" + errorArticle(message) + "</main></body></html>\n";
    }

    private static String article(Model m, String origin, WidgetTexts t) {
        LocaleFormat f = new LocaleFormat(m.lang());
        StringBuilder h = new StringBuilder(8192);
        h.append("<article class=\"lmo\" data-theme=\"").append(m.theme().mode()).append("\" data-font=\"").append(m.theme().font())
                .append("\" lang=\"").append(escape(m.lang())).append("\" aria-labelledby=\"").append(ID).append("-title\">");
        h.append("<h2 class=\"lmo-title\" id=\"").append(ID).append("-title\">").append(escape(Languages.pick(m.dataset().title(), m.lang())))
                .append("</h2>");
        if (!m.filters().isEmpty()) h.append("<p class=\"lmo-filters\">").append(escape(String.join(" · ", m.filters()))).append("</p>");
        Optional<Integer> latest = m.main().latestWithValue();
        if (latest.isEmpty()) {
            h.append("<p class=\"lmo-area\">").append(escape(m.main().label())).append("</p>");
            h.append("<p class=\"lmo-nodata\">").append(escape(t.get("noData"))).append(".</p>");
        } else {
            headline(h, m, latest.get(), f, t);
            comparisons(h, m, latest.get(), f, t);
            trend(h, m, f, t);
        }
        notes(h, m, t);
        actions(h, m, origin, f, t);
        h.append("<footer class=\"lmo-foot\"><p>").append(escape(t.get("source"))).append(": ").append(escape(m.dataset().source()))
                .append(" · ").append(escape(t.get("licence"))).append(": ").append(escape(m.dataset().licence())).append(" · ")
                .append("<a href=\"").append(escape(apiUrl(m, origin, false))).append("\" target=\"_blank\" rel=\"noopener\">")
                .append(escape(t.get("openData"))).append("<span class=\"lmo-sr\"> ").append(escape(t.get("newTab"))).append("</span></a></p>");
        if (m.dataset().demonstration()) h.append("<p>").append(escape(t.get("demonstration"))).append(".</p>");
        h.append("</footer></article>");
        return h.toString();
    }

    private static void headline(StringBuilder h, Model m, int i, LocaleFormat f, WidgetTexts t) {
        Cell cell = m.main().cells().get(i);
        int decimals = m.unit().decimals();
        String unitLabel = Languages.pick(m.unit().label(), m.lang());
        boolean percent = LocaleFormat.isPercent(m.unit().id());
        h.append("<div class=\"lmo-headline\">");
        h.append("<p class=\"lmo-area\">").append(escape(m.main().label())).append(" <span class=\"lmo-period\">· ")
                .append(escape(f.period(m.frequency(), m.periods().get(i)))).append("</span></p>");
        h.append("<p class=\"lmo-value\"><data class=\"lmo-number\" value=\"").append(cell.value().toPlainString()).append("\">")
                .append(escape(f.number(cell.value(), decimals))).append("</data><span class=\"lmo-unit\">")
                .append(escape(percent ? "%" : unitLabel)).append("</span>");
        flags(h, cell, t);
        h.append("</p>");
        if (i > 0 && m.main().cells().get(i - 1).hasValue()) {
            BigDecimal previous = m.main().cells().get(i - 1).value();
            BigDecimal change = cell.value().subtract(previous);
            int sign = change.setScale(decimals, java.math.RoundingMode.HALF_UP).signum();
            String arrow = sign > 0 ? "▲" : sign < 0 ? "▼" : "▶";
            String direction = sign > 0 ? t.get("up") : sign < 0 ? t.get("down") : t.get("unchanged");
            h.append("<p class=\"lmo-change\"><span aria-hidden=\"true\">").append(arrow).append("</span> ")
                    .append(escape(t.get("changeSince", "period", f.period(m.frequency(), m.periods().get(i - 1))))).append(": <strong>")
                    .append(escape(f.signed(change, decimals))).append("</strong> ").append(escape(percent ? t.get("percentagePoints") : unitLabel));
            if (!percent && previous.signum() != 0) {
                BigDecimal relative = change.multiply(BigDecimal.valueOf(100)).divide(previous.abs(), 1, java.math.RoundingMode.HALF_UP);
                h.append(" (").append(escape(f.signed(relative, 1))).append(m.lang().equals("en") ? "%" : "\u00a0%").append(')');
            }
            h.append(" <span class=\"lmo-sr\">(").append(escape(direction)).append(")</span></p>");
        } else {
            h.append("<p class=\"lmo-change\">").append(escape(t.get("noPrevious"))).append(".</p>");
        }
        h.append("</div>");
    }

    private static void comparisons(StringBuilder h, Model m, int i, LocaleFormat f, WidgetTexts t) {
        if (m.comparisons().isEmpty()) return;
        int decimals = m.unit().decimals();
        String unitId = m.unit().id();
        String unitLabel = Languages.pick(m.unit().label(), m.lang());
        boolean percent = LocaleFormat.isPercent(unitId);
        BigDecimal main = m.main().cells().get(i).value();
        h.append("<h3 class=\"lmo-subhead\">").append(escape(t.get("comparedWith"))).append("</h3><ul class=\"lmo-compare\">");
        for (Area a : m.comparisons()) {
            Cell same = a.cells().get(i);
            int at = same.hasValue() ? i : a.latestWithValue().orElse(-1);
            h.append("<li><span class=\"lmo-carea\">").append(escape(a.label()));
            if (a.level() != null) h.append(" <span class=\"lmo-level\">(").append(escape(t.level(a.level()))).append(")</span>");
            h.append("</span><span class=\"lmo-cvalue\">");
            if (at < 0) {
                h.append("–</span>");
            } else {
                Cell c = a.cells().get(at);
                h.append("<data value=\"").append(c.value().toPlainString()).append("\">")
                        .append(escape(f.withUnit(c.value(), decimals, unitId, unitLabel))).append("</data>");
                flags(h, c, t);
                if (at != i) h.append(" <span class=\"lmo-when\">(").append(escape(f.period(m.frequency(), m.periods().get(at)))).append(")</span>");
                h.append("</span>");
                if (at == i) {
                    h.append("<span class=\"lmo-cdiff\">").append(escape(t.get("difference"))).append(": ")
                            .append(escape(f.signed(main.subtract(c.value()), decimals))).append(' ')
                            .append(escape(percent ? t.get("percentagePoints") : unitLabel)).append("</span>");
                }
            }
            h.append("</li>");
        }
        h.append("</ul>");
    }

    private static void trend(StringBuilder h, Model m, LocaleFormat f, WidgetTexts t) {
        List<Cell> cells = m.main().cells();
        if (cells.stream().filter(Cell::hasValue).count() < 2) return;
        ChartModel spark = new ChartModel(ChartType.SPARKLINE, m.lang(), Languages.pick(m.dataset().title(), m.lang()), null,
                m.unit().id(), Languages.pick(m.unit().label(), m.lang()), m.unit().decimals(), m.frequency(),
                m.periods(), List.of(new ChartModel.Series(m.main().code(), m.main().label(), cells)), List.of(), m.theme().accent());
        String from = f.period(m.frequency(), m.periods().get(0));
        String to = f.period(m.frequency(), m.periods().get(m.periods().size() - 1));
        h.append("<figure class=\"lmo-trend\">").append(Sparkline.render(spark, ID + "-spark", 480, 64, false))
                .append("<figcaption>").append(escape(t.get("trend", "from", from, "to", to))).append("</figcaption></figure>");
    }

    private static void notes(StringBuilder h, Model m, WidgetTexts t) {
        if (!m.notes().isEmpty()) {
            h.append("<ul class=\"lmo-notes\">");
            for (String note : m.notes()) h.append("<li>").append(escape(note)).append(".</li>");
            h.append("</ul>");
        }
        TreeSet<Character> flags = new TreeSet<>();
        List<Area> areas = new ArrayList<>(List.of(m.main()));
        areas.addAll(m.comparisons());
        for (Area a : areas) for (Cell c : a.cells()) if (c.flags() != null) for (char ch : c.flags().toCharArray()) flags.add(ch);
        if (flags.isEmpty()) return;
        h.append("<p class=\"lmo-flags\">").append(escape(t.get("flags"))).append(": ")
                .append(escape(flags.stream().map(ch -> ch + " = " + t.flag(ch)).collect(Collectors.joining("; ")))).append("</p>");
    }

    private static void actions(StringBuilder h, Model m, String origin, LocaleFormat f, WidgetTexts t) {
        h.append("<div class=\"lmo-actions\">")
                .append("<button type=\"button\" class=\"lmo-button\" aria-expanded=\"false\" aria-controls=\"").append(ID)
                .append("-table\" data-lmo-toggle data-show=\"").append(escape(t.get("showTable"))).append("\" data-hide=\"")
                .append(escape(t.get("hideTable"))).append("\">").append(escape(t.get("showTable"))).append("</button>")
                .append("<a class=\"lmo-button\" href=\"").append(escape(apiUrl(m, origin, true))).append("\" download>")
                .append(escape(t.get("downloadCsv"))).append("</a>")
                .append("<button type=\"button\" class=\"lmo-button\" aria-expanded=\"false\" aria-controls=\"").append(ID)
                .append("-cite\" data-lmo-toggle>").append(escape(t.get("cite"))).append("</button></div>");
        table(h, m, f, t);
        h.append("<div class=\"lmo-panel\" id=\"").append(ID).append("-cite\" hidden><p class=\"lmo-subhead\">").append(escape(t.get("citation")))
                .append("</p><p class=\"lmo-citation\" id=\"").append(ID).append("-citation\">").append(escape(citation(m, origin, f, t)))
                .append("</p><button type=\"button\" class=\"lmo-button\" data-lmo-copy=\"").append(ID).append("-citation\" data-done=\"")
                .append(escape(t.get("copied"))).append("\">").append(escape(t.get("copy"))).append("</button></div>");
        h.append("<p class=\"lmo-status\" role=\"status\"></p>");
    }

    private static void table(StringBuilder h, Model m, LocaleFormat f, WidgetTexts t) {
        List<Area> areas = new ArrayList<>(List.of(m.main()));
        areas.addAll(m.comparisons());
        int decimals = m.unit().decimals();
        String unit = Languages.pick(m.unit().label(), m.lang());
        h.append("<div class=\"lmo-panel\" id=\"").append(ID).append("-table\" hidden><div class=\"lmo-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"")
                .append(ID).append("-caption\"><table><caption id=\"").append(ID).append("-caption\">")
                .append(escape(Languages.pick(m.dataset().title(), m.lang()) + " (" + unit + ")")).append("</caption><thead><tr><th scope=\"col\">")
                .append(escape(t.get("period"))).append("</th>");
        for (Area a : areas) h.append("<th scope=\"col\">").append(escape(a.label())).append("</th>");
        h.append("</tr></thead><tbody>");
        for (int i = m.periods().size() - 1; i >= 0; i--) {
            h.append("<tr><th scope=\"row\">").append(escape(f.period(m.frequency(), m.periods().get(i)))).append("</th>");
            for (Area a : areas) {
                Cell c = a.cells().get(i);
                h.append("<td>");
                if (c.hasValue()) h.append(escape(f.number(c.value(), decimals)));
                else h.append("<span aria-hidden=\"true\">–</span><span class=\"lmo-sr\">").append(escape(t.get("noValue"))).append("</span>");
                flags(h, c, t);
                h.append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div></div>");
    }

    /** The flag letters as superscript, their meaning for screen readers (the legend explains them visually). */
    private static void flags(StringBuilder h, Cell c, WidgetTexts t) {
        if (c.flags() == null || c.flags().isEmpty()) return;
        h.append("<sup class=\"lmo-flag\" aria-hidden=\"true\">").append(escape(c.flags())).append("</sup><span class=\"lmo-sr\"> (");
        List<String> meanings = new ArrayList<>();
        for (char ch : c.flags().toCharArray()) meanings.add(t.flag(ch));
        h.append(escape(String.join("; ", meanings))).append(")</span>");
    }

    static String citation(Model m, String origin, LocaleFormat f, WidgetTexts t) {
        String title = Languages.pick(m.dataset().title(), m.lang());
        LocalDate published = LocalDate.ofInstant(m.release().publishedAt(), ZoneOffset.UTC);
        String range = m.periods().isEmpty() ? "" : ", " + f.period(m.frequency(), m.periods().get(0)) + "–"
                + f.period(m.frequency(), m.periods().get(m.periods().size() - 1));
        return m.dataset().source() + " (" + published.getYear() + "). " + title + ": " + m.main().label() + range + ". "
                + t.get("release") + " " + m.release().id() + ", " + t.get("published") + " " + f.date(published) + ". "
                + t.get("licence") + ": " + m.dataset().licence() + ". " + apiUrl(m, origin, false);
    }

    /** The same numbers from the API: observations JSON (open data link) or CSV (download). */
    static String apiUrl(Model m, String origin, boolean csv) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> e : m.apiQuery().entrySet()) {
            if (q.length() > 0) q.append('&');
            q.append(e.getKey()).append('=').append(URLEncoder.encode(String.join(",", e.getValue()), StandardCharsets.UTF_8).replace("%2C", ","));
        }
        if (csv) q.append("&format=csv");
        return origin + "/v1/datasets/" + m.dataset().id() + "/observations?" + q;
    }
}
