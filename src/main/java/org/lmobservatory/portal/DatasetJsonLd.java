package org.lmobservatory.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.db.Json;
import org.lmobservatory.portal.Pages.Link;
import org.lmobservatory.releases.Release;
import org.lmobservatory.web.Languages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema.org Dataset description of a dataset page (what Google Dataset Search and others read), as JSON-LD in a
 * script element. Jackson writes the JSON; every "<" is then written as \u003c so no text (a title, a source) can
 * close the script element early.
 */
final class DatasetJsonLd {
    private static final Map<String, String> MEDIA_TYPES = Map.of("csv", "text/csv",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "jsonstat", "application/vnd.jsonstat+json", "json", "application/json", "sdmx-csv", "application/vnd.sdmx.data+csv");

    private DatasetJsonLd() {
    }

    static String of(Dataset d, Release release, String title, String lang, String baseUrl, List<Link> downloads, List<String> areas) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Dataset");
        ld.put("name", title);
        String description = Languages.pick(d.description(), lang);
        // Dataset search engines require a description of 50 characters or more; the title makes a short one long enough.
        ld.put("description", description == null || description.length() < 50 ? title + ". " + (description == null ? "" : description) : description);
        ld.put("url", baseUrl + DatasetPages.path(lang, d.id()));
        ld.put("identifier", d.id());
        ld.put("inLanguage", lang);
        if (d.keywords() != null && !d.keywords().isEmpty()) ld.put("keywords", d.keywords());
        ld.put("license", licence(d.licence()));
        ld.put("isAccessibleForFree", true);
        ld.put("creator", Map.of("@type", "Organization", "name", d.source()));
        if (release != null) {
            ld.put("dateModified", release.publishedAt().toString());
            if (release.periodMin() != null) {
                ld.put("temporalCoverage", d.frequency().label(release.periodMin()) + "/" + d.frequency().label(release.periodMax()));
            }
        }
        if (!areas.isEmpty()) {
            ld.put("spatialCoverage", areas.stream().map(a -> Map.of("@type", "Place", "name", a)).toList());
        }
        if (!downloads.isEmpty()) {
            ld.put("distribution", downloads.stream().map(l -> Map.of("@type", "DataDownload", "name", l.label(),
                    "encodingFormat", MEDIA_TYPES.getOrDefault(l.type(), l.type()), "contentUrl", baseUrl + l.href())).toList());
        }
        try {
            return Json.MAPPER.writeValueAsString(ld).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SPDX id (CC-BY-4.0) as the URL schema.org asks for; a licence already given as a URL or in words stays as it is. */
    static String licence(String licence) {
        if (licence == null) return null;
        if (licence.matches("[A-Za-z0-9.+-]+") && !licence.startsWith("http")) return "https://spdx.org/licenses/" + licence + ".html";
        return licence;
    }
}
