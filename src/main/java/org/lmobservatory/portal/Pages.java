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
}
