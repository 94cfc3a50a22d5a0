package org.lmobservatory.portal;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.portal.Pages.ReleaseRow;
import org.lmobservatory.portal.Pages.ReleasesPage;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseHistory;
import org.lmobservatory.web.Languages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every published release of a dataset, for a reader who cites numbers: when each was published, its note, how many
 * cells it has, a permanent link to exactly its numbers (release=), and what changed against the release before it
 * (the revisions endpoint). The same releases as GET /v1/datasets/{id}/releases.
 */
final class ReleasePages {
    private final ReleaseHistory history;

    ReleasePages(ReleaseHistory history) {
        this.history = history;
    }

    static String path(String lang, String datasetId) {
        return PortalRoutes.catalogue(lang) + "/" + datasetId + "/releases";
    }

    ReleasesPage page(String lang, Dataset d) {
        PortalTexts t = new PortalTexts(lang);
        String title = Languages.pick(d.title(), lang);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(lang));
        List<ReleaseHistory.Entry> entries = history.of(d.id());
        List<ReleaseRow> rows = new ArrayList<>();
        String api = "/v1/datasets/" + d.id();
        for (int i = 0; i < entries.size(); i++) {
            Release r = entries.get(i).release();
            Release previous = i + 1 < entries.size() ? entries.get(i + 1).release() : null;
            String when = date.format(r.publishedAt().atZone(ZoneOffset.UTC)) + " "
                    + DateTimeFormatter.ofPattern("HH:mm").format(r.publishedAt().atZone(ZoneOffset.UTC));
            rows.add(new ReleaseRow(r.id(), when, r.publishedAt().toString(), java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag(lang)).format(r.rowCount()), r.note(), entries.get(i).current(),
                    api + "/observations?release=" + r.id() + "&format=csv&lang=" + lang,
                    api + "/observations?release=" + r.id() + "&lang=" + lang,
                    previous == null ? null : api + "/revisions?since=" + previous.id() + "&release=" + r.id()));
        }
        String heading = t.get("releasesHeading", "title", title);
        return new ReleasesPage(PortalPages.frame(lang, heading + " – " + t.get("siteName"), l -> path(l, d.id())), heading,
                PortalRoutes.catalogue(lang) + "/" + d.id(), title, api + "/releases", rows);
    }
}
