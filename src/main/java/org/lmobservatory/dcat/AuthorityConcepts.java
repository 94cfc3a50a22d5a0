package org.lmobservatory.dcat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;

import java.util.Locale;
import java.util.Map;

/**
 * The entries of the controlled vocabularies the catalogue points to, described in the catalogue itself: DCAT-AP 3's
 * shapes check a licence, format, frequency, language, place or theme by its class (skos:Concept, dct:Frequency, …) and
 * its skos:inScheme, and a harvester of ours alone has no other copy of those tables. So each one the catalogue uses
 * gets its type, its scheme (a skos:ConceptScheme with a title) and its English label, as in the EU tables.
 */
final class AuthorityConcepts {
    static final String ADMS_LICENCE_TYPE = "http://purl.org/adms/licencetype/";
    static final String ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/";

    /** Each scheme the catalogue uses and its title; an ADMS scheme's URI is its namespace plus "1.0". */
    private static final Map<String, String> SCHEMES = Map.of(
            EuVocabularies.DATA_THEME, "Data theme",
            EuVocabularies.AUTHORITY + "language", "Language",
            EuVocabularies.AUTHORITY + "country", "Country",
            EuVocabularies.AUTHORITY + "frequency", "Frequency",
            EuVocabularies.AUTHORITY + "file-type", "File type",
            EuVocabularies.AUTHORITY + "planned-availability", "Planned availability",
            ADMS_LICENCE_TYPE + "1.0", "Licence type",
            ADMS_PUBLISHER_TYPE + "1.0", "Publisher type");

    /** The English labels of the EU table entries that no JDK table names (themes, frequencies, availability). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("data-theme/SOCI", "Population and society"),
            Map.entry("data-theme/ECON", "Economy and finance"),
            Map.entry("data-theme/EDUC", "Education, culture and sport"),
            Map.entry("frequency/ANNUAL", "annual"),
            Map.entry("frequency/QUARTERLY", "quarterly"),
            Map.entry("frequency/MONTHLY", "monthly"),
            Map.entry("planned-availability/STABLE", "stable"),
            Map.entry("country/XKX", "Kosovo"));

    private final Model m;

    AuthorityConcepts(Model m) {
        this.m = m;
    }

    /** The scheme as a skos:ConceptScheme with its title (the Category Scheme shape asks for one). */
    Resource scheme(String uri) {
        String title = SCHEMES.get(uri);
        if (title == null) throw new IllegalArgumentException("no scheme " + uri);
        return m.createResource(uri, SKOS.ConceptScheme).addProperty(DCTerms.title, title, "en");
    }

    /** An entry of a scheme: skos:Concept, skos:inScheme, skos:prefLabel, plus the class DCAT-AP's range names. */
    Resource concept(String uri, String schemeUri, String label, Resource... classes) {
        Resource c = m.createResource(uri, SKOS.Concept).addProperty(SKOS.inScheme, scheme(schemeUri)).addProperty(SKOS.prefLabel, label, "en");
        for (Resource type : classes) c.addProperty(org.apache.jena.vocabulary.RDF.type, type);
        return c;
    }

    /** An entry of one of the EU Publications Office's tables (data-theme, frequency, file-type, …). */
    Resource eu(String uri, Resource... classes) {
        String local = uri.substring(EuVocabularies.AUTHORITY.length());
        String table = local.substring(0, local.indexOf('/'));
        return concept(uri, EuVocabularies.AUTHORITY + table, label(local), classes);
    }

    /** Languages and countries by their JDK English names (the EU tables' own English labels: "Czech", "Czechia"); others from LABELS. */
    private static String label(String local) {
        String code = local.substring(local.indexOf('/') + 1);
        if (LABELS.containsKey(local)) return LABELS.get(local);
        if (local.startsWith("language/")) {
            for (String iso : Locale.getISOLanguages()) {
                Locale l = Locale.forLanguageTag(iso);
                if (l.getISO3Language().equalsIgnoreCase(code)) return l.getDisplayLanguage(Locale.ENGLISH);
            }
        }
        if (local.startsWith("country/")) {
            for (String iso : Locale.getISOCountries()) {
                Locale l = new Locale("", iso);
                if (l.getISO3Country().equalsIgnoreCase(code)) return l.getDisplayCountry(Locale.ENGLISH);
            }
        }
        return code; // the file types: their code is their label (CSV, JSON, XLSX, XML)
    }
}
