package org.lmobservatory.portal;

import java.util.List;

/** What the portal's templates (src/main/jte/portal) show: prepared values only, every text already in the page's language. */
public final class Pages {
    private Pages() {
    }

    /** What every page has around its content: language, title, the language switch, the style sheet. */
    public record Frame(String lang, String title, String description, PortalTexts t, List<LanguageLink> languages,
                        String style, String searchAction) {
    }

    /** The same page in another language; current for the page's own. */
    public record LanguageLink(String lang, String name, String href, boolean current) {
    }

    public record ThemeLink(String id, String name, String href, int datasets, boolean selected) {
    }

    /** One dataset in a list, with where to read it; coverage and updated are display texts (null when unknown). */
    public record DatasetItem(String id, String title, String description, String theme, String frequency,
                              String coverage, String updated, boolean demonstration, String metadataHref,
                              String csvHref, String downloadHref) {
    }

    /** The front page (GET /{lang}/). */
    public record Front(Frame frame, List<ThemeLink> themes, List<DatasetItem> recent, int datasets, String catalogueHref) {
    }

    /** The catalogue page (GET /{lang}/datasets?q=&theme=): heading is the count line, q what was asked (or ""). */
    public record Catalogue(Frame frame, String q, String theme, List<ThemeLink> themes, String heading, List<DatasetItem> results) {
    }

    /** A label and its value in a list of facts (unit, source, licence, coverage…). */
    public record Fact(String label, String value) {
    }

    /** A choice in a form: a code, a period or a dimension, with its label. */
    public record Option(String value, String label, boolean selected) {
    }

    /** One dimension's codes to choose from; many is true for a list long enough to want a filter box. */
    public record DimensionChoice(String id, String label, List<Option> codes, boolean many) {
    }

    /** A table cell: text as shown, flags (null when none) and kind: value, c (confidential), m (missing) or absent. */
    public record Cell(String text, String flags, String kind) {
    }

    public record Row(List<String> labels, List<Cell> cells) {
    }

    /** The pivoted table: caption, headers of the row-label columns, column headers, rows; fixed says the dimensions with one code. */
    public record Table(String caption, String fixed, List<String> rowHeaders, List<String> columnHeaders, List<Row> rows) {
    }

    public record Link(String label, String href, String type) {
    }

    /**
     * The dataset page (GET /{lang}/datasets/{id}): metadata, the selection form, the table (null when there is none to
     * show, notice then says why), the chart (chartSrc null when it cannot be drawn: chartNotice says why), downloads
     * of exactly the selection, the embed link, the flags legend and the schema.org JSON-LD (already escaped for a script).
     */
    public record DatasetPage(Frame frame, String id, String title, String description, List<Fact> facts, String methodology,
                              Fact release, String citation, String releasesHref, String metadataHref,
                              List<DimensionChoice> dimensions, List<Option> fromPeriods, List<Option> toPeriods, List<Option> columns, Table table,
                              String notice, String chartSrc, String chartAlt, String chartNotice, List<Link> downloads,
                              String embedHref, List<Fact> legend, String jsonLd, String pageHref) {
    }

    /** A dataset with numbers for an area: its latest values (label and value text), what they are of, and where to see more. */
    public record AreaDataset(String title, String period, String of, List<Fact> values, String tableHref, String metadataHref) {
    }

    /** The area page (GET /{lang}/areas/{code}): the area, what it is part of (null for none) and every dataset with numbers for it. */
    public record AreaPage(Frame frame, String code, String name, String heading, Link partOf, List<AreaDataset> datasets) {
    }

    /** One release on the calendar page: when (shown, and ISO for the time element), what, its state, and why it moved. */
    public record CalendarRow(String when, String isoWhen, String title, String datasetHref, String status, String statusClass,
                              String change, String releaseHref) {
    }

    /** GET /{lang}/calendar: the releases announced, those due in the last 90 days, and the feeds to subscribe to. */
    public record CalendarPage(Frame frame, List<CalendarRow> upcoming, List<CalendarRow> recent, String icsHref, String jsonHref) {
    }

    /** One release on a dataset's list of releases: the links a reader cites or compares with. */
    public record ReleaseRow(long id, String when, String isoWhen, String cells, String note, boolean current, String csvHref,
                             String jsonHref, String changesHref) {
    }

    /** GET /{lang}/datasets/{id}/releases. */
    public record ReleasesPage(Frame frame, String heading, String datasetHref, String datasetTitle, String jsonHref, List<ReleaseRow> rows) {
    }
}
