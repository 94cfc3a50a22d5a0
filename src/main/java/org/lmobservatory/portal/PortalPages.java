package org.lmobservatory.portal;

import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.releases.Release;
import org.lmobservatory.web.Languages;
import org.lmobservatory.portal.Pages.Catalogue;
import org.lmobservatory.portal.Pages.DatasetItem;
import org.lmobservatory.portal.Pages.Frame;
import org.lmobservatory.portal.Pages.Front;
import org.lmobservatory.portal.Pages.LanguageLink;
import org.lmobservatory.portal.Pages.ThemeLink;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prepares what the portal's pages show from the catalogue: every text in the page's language, every link made. */
final class PortalPages {
    /** In the order the front page lists them. */
    static final List<String> THEMES = List.of("labour-market", "skills-demand", "education", "graduate-outcomes");
    private static final int RECENT = 5;

    private final CatalogueService catalogue;

    PortalPages(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    List<Dataset> all() {
        return catalogue.search(null, null);
    }

    Front front(String lang, List<Dataset> all) {
        PortalTexts t = new PortalTexts(lang);
        Frame frame = frame(lang, t.get("siteName"), l -> PortalRoutes.front(l));
        List<DatasetItem> recent = all.stream()
                .filter(d -> d.currentReleaseId() != null)
                .sorted(Comparator.comparing(Dataset::updatedAt, Comparator.reverseOrder()).thenComparing(Dataset::id))
                .limit(RECENT)
                .map(d -> item(d, lang, t, Optional.empty()))
                .toList();
        return new Front(frame, themes(lang, t, all, null), recent, all.size(), PortalRoutes.catalogue(lang));
    }

    /** q and theme as asked: an unknown theme filters nothing rather than failing a page a person typed. */
    Catalogue catalogue(String lang, String q, String theme, List<Dataset> all) {
        PortalTexts t = new PortalTexts(lang);
        String query = q == null ? "" : q.strip();
        String chosenTheme = theme != null && THEMES.contains(theme) ? theme : null;
        Frame frame = frame(lang, t.get("datasets") + " – " + t.get("siteName"), l -> PortalRoutes.catalogue(l) + query(query, chosenTheme));
        List<DatasetItem> results = catalogue.search(chosenTheme, query.isEmpty() ? null : query).stream()
                .map(d -> item(d, lang, t, catalogue.currentRelease(d.id())))
                .toList();
        String count = String.valueOf(results.size());
        String heading = query.isEmpty() ? t.get("results", "count", count) : t.get("resultsFor", "q", query, "count", count);
        return new Catalogue(frame, query, chosenTheme, themes(lang, t, all, chosenTheme), heading, results);
    }

    static Frame frame(String lang, String title, java.util.function.Function<String, String> sameIn) {
        PortalTexts t = new PortalTexts(lang);
        List<LanguageLink> languages = PortalTexts.LANGUAGES.stream()
                .map(l -> new LanguageLink(l, PortalTexts.nameOf(l), sameIn.apply(l), l.equals(lang)))
                .toList();
        return new Frame(lang, title, t.get("searchHint"), t, languages, PortalTemplates.STYLE, PortalRoutes.catalogue(lang));
    }

    private static List<ThemeLink> themes(String lang, PortalTexts t, List<Dataset> all, String selected) {
        return THEMES.stream()
                .map(id -> new ThemeLink(id, t.get("theme." + id), PortalRoutes.catalogue(lang) + query("", id),
                        (int) all.stream().filter(d -> d.theme().equals(id)).count(), id.equals(selected)))
                .toList();
    }

    private static DatasetItem item(Dataset d, String lang, PortalTexts t, Optional<Release> release) {
        String api = "/v1/datasets/" + d.id();
        String coverage = release.filter(r -> r.periodMin() != null)
                .map(r -> period(d.frequency(), r) ).orElse(null);
        String updated = d.updatedAt() == null ? null : t.get("updated", "date",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(lang))
                        .format(d.updatedAt().atZone(ZoneOffset.UTC)));
        String theme = d.theme() != null && THEMES.contains(d.theme()) ? t.get("theme." + d.theme()) : d.theme();
        return new DatasetItem(d.id(), Languages.pick(d.title(), lang), Languages.pick(d.description(), lang), theme,
                t.get("frequency." + d.frequency().name()), coverage, updated, d.demonstration(),
                api + "?lang=" + lang, api + "/observations?format=csv&lang=" + lang, api + "/download");
    }

    private static String period(Frequency f, Release r) {
        return f.label(r.periodMin()) + "–" + f.label(r.periodMax());
    }

    /** The query string of a catalogue address: empty parts left out. */
    static String query(String q, String theme) {
        StringBuilder out = new StringBuilder();
        if (q != null && !q.isEmpty()) out.append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (theme != null) out.append(out.isEmpty() ? "" : "&").append("theme=").append(theme);
        return out.isEmpty() ? "" : "?" + out;
    }
}
