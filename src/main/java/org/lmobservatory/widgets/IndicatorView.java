package org.lmobservatory.widgets;

import java.util.List;

/**
 * What the indicator widget's templates (src/main/jte/widgets) show, prepared by {@link IndicatorViews}: every number
 * already formatted for the reader's language, every label picked, so the templates only place text. A null member
 * is a part the widget leaves out.
 */
final class IndicatorView {
    private IndicatorView() {
    }

    /** The iframe page: the article with its title, oEmbed link and the inline style and script (trusted, hash-pinned). */
    record Page(String lang, String title, String oembedUrl, String style, Article article, String script) {
    }

    /** What embed.js puts in a shadow root: the style sheet and the article. */
    record Fragment(String style, Article article) {
    }

    record ErrorPage(String style, String message) {
    }

    /**
     * The widget: with no value for the area only {@code noData} (the area and headline, comparisons and trend are null
     * or empty). {@code t} gives the fixed texts of the language.
     */
    record Article(WidgetTexts t, String mode, String font, String lang, String title, String filters, String noDataArea,
                   Headline headline, List<Comparison> comparisons, Trend trend, List<String> notes, String flagLegend,
                   Table table, String csvUrl, String citation, String source, String licence, String apiUrl,
                   boolean demonstration) {
    }

    /** The flag letters of a cell, and what they mean for screen readers. */
    record Flags(String letters, String meanings) {
    }

    /**
     * The latest value; {@code change} is null when the period before has no value. {@code withheld} is the reason
     * when the latest period's value is confidential or missing: then value, unit and change are null.
     */
    record Headline(String area, String period, String plainValue, String value, String unit, Flags flags, Change change,
                    String withheld) {
    }

    /** Change since the previous period: {@code relative} (with its % sign) only for counts whose previous value is not 0. */
    record Change(String arrow, String since, String amount, String unit, String relative, String direction) {
    }

    /**
     * A comparison area: {@code plainValue} null when it has no value at all; {@code when} the period shown when it is
     * not the headline's; {@code difference} to the headline only in the same period.
     */
    record Comparison(String label, String level, String plainValue, String value, Flags flags, String when, String difference) {
    }

    /** The sparkline as SVG markup (built by {@link Sparkline}, which escapes its own text) and its caption. */
    record Trend(String svg, String caption) {
    }

    /** The table behind the "show table" button: newest period first, a column per area. */
    record Table(String caption, List<String> areas, List<Row> rows) {
    }

    record Row(String period, List<Cell> cells) {
    }

    /** A table cell: {@code value} null for a missing or confidential value. */
    record Cell(String value, Flags flags) {
    }
}
