package org.lmobservatory.widgets;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.lmobservatory.web.Languages;
import org.lmobservatory.widgets.IndicatorWidget.Model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The indicator widget as HTML: headline value with period and unit, change since the previous period, the
 * comparison areas, a sparkline, flags explained, a table and citation behind disclosure buttons, and the source
 * line that links back to the API. The same markup is the iframe page's body and the script widget's shadow root.
 * The markup is in jte templates (src/main/jte/widgets, escaped by context); {@link IndicatorViews} prepares what they show.
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
        String title = Languages.pick(m.dataset().title(), m.lang()) + ": " + m.main().label();
        String oembed = origin + "/oembed?url=" + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8) + "&format=json";
        return WidgetTemplates.render("widgets/page.jte",
                new IndicatorView.Page(m.lang(), title, oembed, style, IndicatorViews.article(m, origin), script));
    }

    /** What the script widget puts in its shadow root: the style sheet and the article. */
    static String fragment(Model m, String origin, String style) {
        return WidgetTemplates.render("widgets/fragment.jte", new IndicatorView.Fragment(style, IndicatorViews.article(m, origin)));
    }

    /** A request that cannot be drawn: still a readable, embeddable message rather than a blank frame. */
    static String errorArticle(String message) {
        return WidgetTemplates.render("widgets/errorArticle.jte", message);
    }

    static String errorPage(String message, String style) {
        return WidgetTemplates.render("widgets/errorPage.jte", new IndicatorView.ErrorPage(style, message));
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
        // A spreadsheet in a decimal-comma locale reads "12.3" as text and splits "12,3" at a comma separator: the
        // download there is the dialect it opens as numbers (semicolons, decimal comma, BOM so Excel reads UTF-8).
        if (csv && DecimalFormatSymbols.getInstance(Locale.forLanguageTag(m.lang())).getDecimalSeparator() == ',') {
            q.append("&csvSeparator=semicolon&bom=true");
        }
        return origin + "/v1/datasets/" + m.dataset().id() + "/observations?" + q;
    }
}
