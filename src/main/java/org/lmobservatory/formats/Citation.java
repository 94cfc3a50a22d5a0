package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.releases.Release;
import org.lmobservatory.web.Languages;

import java.time.ZoneOffset;

/** How to cite a release of a dataset, and its licence as a link; the same words in every format that carries them. */
final class Citation {
    private Citation() {
    }

    static String of(Dataset dataset, Release release, String lang, String url) {
        return dataset.source() + ". " + Languages.pick(dataset.title(), lang) + " [" + dataset.id() + "], release " + release.id()
                + " of " + release.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ". Licence: " + dataset.licence() + "."
                + (url == null ? "" : " " + url);
    }

    /** Licences are SPDX identifiers (CC-BY-4.0) or already URLs. */
    static String licenceUrl(String licence) {
        if (licence.startsWith("http://") || licence.startsWith("https://")) return licence;
        return "https://spdx.org/licenses/" + licence + ".html";
    }
}
