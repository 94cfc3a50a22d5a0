package org.lmobservatory.dcat;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Measure;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.releases.Release;
import org.lmobservatory.web.Languages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DCAT-AP 3 graph of the published datasets: the catalogue, one dcat:Dataset per dataset with a current release,
 * one dcat:Distribution per output format and one for the bulk download, with the StatDCAT-AP properties that apply
 * (dimensions, number of series, units of measure). Pure: the caller hands in what it read.
 */
final class CatalogueGraph {
    static final String STAT = "http://data.europa.eu/(xyz)/statdcat-ap/";
    static final String QB = "http://purl.org/linked-data/cube#";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";
    static final String PUBLISHER_NAME = "Labour Market Observatory";

    /** A published dataset as the graph needs it: its metadata, current release, number of series and the codes of its geo dimension. */
    record Entry(Dataset dataset, Release release, long seriesCount, Set<String> countries) {
    }

    private final String base;
    private final Model m = ModelFactory.createDefaultModel();
    private final AuthorityConcepts concepts = new AuthorityConcepts(m);

    private CatalogueGraph(String baseUrl) {
        this.base = baseUrl;
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("foaf", FOAF.NS);
        m.setNsPrefix("vcard", VCARD);
        m.setNsPrefix("stat", STAT);
        m.setNsPrefix("qb", QB);
        m.setNsPrefix("skos", SKOS.uri);
        m.setNsPrefix("rdfs", RDFS.uri);
        m.setNsPrefix("xsd", XSDDatatype.XSD + "#");
        m.setNsPrefix("sdmx-attribute", SDMX_ATTRIBUTE);
    }

    static String catalogUri(String baseUrl) {
        return baseUrl + DcatRoutes.CATALOG;
    }

    static String datasetUri(String baseUrl, String datasetId) {
        return baseUrl + "/v1/datasets/" + datasetId;
    }

    /**
     * The graph of these datasets (in the order given); themes: our THEME codelist, for the labels of our own themes;
     * issued: when the first release of all was published (the catalogue's dct:issued), null before any.
     */
    static Model build(String baseUrl, Collection<Entry> entries, Codelist themes, Map<String, Codelist> codelists, Instant issued) {
        return new CatalogueGraph(baseUrl).catalog(entries, themes, codelists, issued);
    }

    private Model catalog(Collection<Entry> entries, Codelist themes, Map<String, Codelist> codelists, Instant issued) {
        Resource publisher = m.createResource(base + "/#publisher", FOAF.Agent)
                .addProperty(FOAF.name, PUBLISHER_NAME, "en")
                .addProperty(DCTerms.type, concepts.concept(AuthorityConcepts.ADMS_PUBLISHER_TYPE + "NonProfitOrganisation",
                        AuthorityConcepts.ADMS_PUBLISHER_TYPE + "1.0", "Non-Profit Organisation"));
        Resource catalog = m.createResource(catalogUri(base), DCAT.Catalog)
                .addProperty(DCTerms.title, "Labour Market Observatory: open labour-market and VET statistics", "en")
                .addProperty(DCTerms.description, "Labour-market and vocational education and training indicators for Kosovo*, Finland, "
                        + "Bulgaria, Poland and Czechia, with their releases, as open data through an API and bulk downloads.", "en")
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(FOAF.homepage, m.createResource(base + "/", FOAF.Document))
                // The licence of the catalogue's own metadata, which portals harvest and republish.
                .addProperty(DCTerms.license, licence("CC0-1.0"))
                .addProperty(DCAT.themeTaxonomy, concepts.scheme(EuVocabularies.DATA_THEME));
        if (issued != null) catalog.addProperty(DCTerms.issued, dateTime(issued));
        Languages.SUPPORTED.forEach(l -> catalog.addProperty(DCTerms.language, language(l)));
        Instant modified = null;
        Set<String> countries = new TreeSet<>();
        for (Entry e : entries) {
            catalog.addProperty(DCAT.dataset, dataset(e, publisher, themes, codelists));
            if (modified == null || e.release().publishedAt().isAfter(modified)) modified = e.release().publishedAt();
            countries.addAll(e.countries());
        }
        if (modified != null) catalog.addProperty(DCTerms.modified, dateTime(modified));
        countries.forEach(c -> EuVocabularies.country(c).ifPresent(u -> catalog.addProperty(DCTerms.spatial, concepts.eu(u, DCTerms.Location))));
        return m;
    }

    private Resource dataset(Entry e, Resource publisher, Codelist themes, Map<String, Codelist> codelists) {
        Dataset d = e.dataset();
        Release r = e.release();
        String uri = datasetUri(base, d.id());
        Resource ds = m.createResource(uri, DCAT.Dataset)
                .addProperty(DCTerms.identifier, d.id())
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCTerms.modified, dateTime(r.publishedAt()))
                .addProperty(DCTerms.accrualPeriodicity, concepts.eu(EuVocabularies.frequency(d.frequency()), DCTerms.Frequency))
                .addProperty(m.createProperty(DCAT.NS, "version"), Long.toString(r.id()));
        languages(ds, DCTerms.title, d.title());
        languages(ds, DCTerms.description, d.description() == null || d.description().isEmpty() ? d.title() : d.description());
        d.title().keySet().stream().filter(Languages.SUPPORTED::contains).sorted()
                .forEach(l -> ds.addProperty(DCTerms.language, language(l)));
        d.keywords().forEach(k -> ds.addProperty(DCAT.keyword, k, "en"));
        EuVocabularies.themes(d.theme()).forEach(t -> ds.addProperty(DCAT.theme, concepts.eu(t)));
        themes.code(d.theme()).ifPresent(c -> ds.addProperty(DCAT.keyword, Languages.pick(c.labels(), "en"), "en"));
        e.countries().forEach(c -> EuVocabularies.country(c).ifPresent(u -> ds.addProperty(DCTerms.spatial, concepts.eu(u, DCTerms.Location))));
        if (d.contact() != null && !d.contact().isBlank()) {
            String contact = d.contact().contains("@") && !d.contact().startsWith("mailto:") ? "mailto:" + d.contact() : d.contact();
            ds.addProperty(DCAT.contactPoint, m.createResource(uri + "#contact", m.createResource(VCARD + "Kind"))
                    .addProperty(m.createProperty(VCARD, "fn"), PUBLISHER_NAME)
                    .addProperty(m.createProperty(VCARD, "hasEmail"), m.createResource(contact)));
        }
        if (d.source() != null) ds.addProperty(DCTerms.provenance, m.createResource(DCTerms.ProvenanceStatement)
                .addProperty(RDFS.label, d.source(), "en"));
        if (r.periodMin() != null) {
            LocalDate end = d.frequency().next(r.periodMax()).minusDays(1);
            ds.addProperty(DCTerms.temporal, m.createResource(DCTerms.PeriodOfTime)
                    .addProperty(DCAT.startDate, r.periodMin().toString(), XSDDatatype.XSDdate)
                    .addProperty(DCAT.endDate, end.toString(), XSDDatatype.XSDdate));
        }
        statistics(ds, e, codelists);
        Resource licence = licence(d.licence());
        for (OutputFormat f : OutputFormat.values()) {
            String url = uri + "/observations?format=" + f.parameter();
            Resource dist = distribution(uri + "#distribution-" + f.parameter(), url, f.download(), licence, r)
                    .addProperty(DCTerms.title, Languages.pick(d.title(), "en") + " (" + label(f) + ")", "en")
                    .addProperty(DCTerms.description, "Every observation of the current release as " + label(f)
                            + " through the API; filters, languages and earlier releases (release=, asOf=) as query parameters.", "en")
                    .addProperty(DCTerms.format, concepts.eu(EuVocabularies.fileType(fileType(f)), DCTerms.MediaTypeOrExtent));
            mediaType(f).ifPresent(t -> dist.addProperty(DCAT.mediaType, mediaType(t)));
            ds.addProperty(DCAT.distribution, dist);
        }
        String download = uri + "/download";
        ds.addProperty(DCAT.distribution, distribution(uri + "#distribution-download", download, true, licence, r)
                .addProperty(DCTerms.title, Languages.pick(d.title(), "en") + " (whole dataset, gzipped CSV)", "en")
                .addProperty(DCTerms.description, "Bulk download: every observation of the current release as CSV, gzip-compressed.", "en")
                .addProperty(DCTerms.format, concepts.eu(EuVocabularies.fileType("CSV"), DCTerms.MediaTypeOrExtent))
                .addProperty(DCAT.compressFormat, mediaType("application/gzip"))
                .addProperty(DCAT.mediaType, mediaType("text/csv")));
        return ds;
    }

    private Resource distribution(String uri, String url, boolean download, Resource licence, Release r) {
        Resource dist = m.createResource(uri, DCAT.Distribution)
                .addProperty(DCAT.accessURL, m.createResource(url))
                .addProperty(DCTerms.license, licence)
                .addProperty(DCTerms.modified, dateTime(r.publishedAt()))
                .addProperty(m.createProperty("http://data.europa.eu/r5r/", "availability"),
                        concepts.eu(EuVocabularies.AUTHORITY + "planned-availability/STABLE"));
        if (download) dist.addProperty(DCAT.downloadURL, m.createResource(url));
        return dist;
    }

    /** StatDCAT-AP: the dimensions (with their code lists), the number of series, and each measure's unit. */
    private void statistics(Resource ds, Entry e, Map<String, Codelist> codelists) {
        Dataset d = e.dataset();
        String uri = datasetUri(base, d.id());
        for (Dimension dim : d.dimensions()) {
            Resource p = m.createResource(uri + "#dimension-" + dim.id(), m.createResource(QB + "DimensionProperty"))
                    .addProperty(RDFS.label, Languages.pick(dim.label(), "en") == null ? dim.id() : Languages.pick(dim.label(), "en"), "en")
                    .addProperty(m.createProperty(QB, "codeList"), m.createResource(base + "/v1/codelists/" + dim.codelistId()));
            ds.addProperty(m.createProperty(STAT, "dimension"), p);
        }
        ds.addLiteral(m.createProperty(STAT, "numSeries"), m.createTypedLiteral(Long.toString(e.seriesCount()), XSDDatatype.XSDinteger));
        if (d.measures().isEmpty()) {
            ds.addProperty(m.createProperty(STAT, "statUnitMeasure"), unit(d.unit()));
            return;
        }
        Codelist measures = d.measureDimension().map(dim -> codelists.get(dim.codelistId())).orElse(null);
        for (Measure measure : d.measures().values()) {
            Resource unit = unit(measure.unit());
            ds.addProperty(m.createProperty(STAT, "statUnitMeasure"), unit);
            String label = measures == null ? measure.code()
                    : measures.code(measure.code()).map(Code::labels).map(l -> Languages.pick(l, "en")).orElse(measure.code());
            ds.addProperty(m.createProperty(STAT, "statMeasure"), m.createResource(uri + "#measure-" + measure.code(), m.createResource(QB + "MeasureProperty"))
                    .addProperty(RDFS.label, label, "en")
                    .addProperty(m.createProperty(SDMX_ATTRIBUTE, "unitMeasure"), unit));
        }
    }

    private Resource language(String iso6391) {
        return concepts.eu(EuVocabularies.language(iso6391), DCTerms.LinguisticSystem);
    }

    private Resource mediaType(String type) {
        return m.createResource(IANA + type, DCTerms.MediaType);
    }

    /** A licence document with its ADMS licence types, when the licence is one whose types we know. */
    private Resource licence(String id) {
        Resource licence = m.createResource(EuVocabularies.licence(id), DCTerms.LicenseDocument);
        EuVocabularies.licenceTypes(id).forEach((type, label) -> licence.addProperty(DCTerms.type,
                concepts.concept(AuthorityConcepts.ADMS_LICENCE_TYPE + type, AuthorityConcepts.ADMS_LICENCE_TYPE + "1.0", label)));
        return licence;
    }

    private Resource unit(Unit u) {
        Resource unit = m.createResource(catalogUri(base) + "#unit-" + u.id(), SKOS.Concept)
                .addProperty(SKOS.notation, u.id());
        if (u.label() != null) u.label().forEach((lang, label) -> unit.addProperty(SKOS.prefLabel, label, lang));
        // DCAT-AP's Category shape asks every skos:Concept for a label: a unit defined without one is named by its id.
        if (!unit.hasProperty(SKOS.prefLabel)) unit.addProperty(SKOS.prefLabel, u.id());
        return unit;
    }

    private void languages(Resource r, org.apache.jena.rdf.model.Property p, Map<String, String> labels) {
        labels.forEach((lang, text) -> r.addProperty(p, text, lang));
    }

    private org.apache.jena.rdf.model.Literal dateTime(Instant t) {
        return m.createTypedLiteral(t.toString(), XSDDatatype.XSDdateTime);
    }

    private static String label(OutputFormat f) {
        return switch (f) {
            case JSON -> "JSON";
            case CSV -> "CSV";
            case JSONSTAT -> "JSON-stat 2.0";
            case XLSX -> "XLSX";
            case SDMX_CSV -> "SDMX-CSV 2.0";
            case SDMX_CSV_1 -> "SDMX-CSV 1.0";
            case SDMX_GENERIC_DATA -> "SDMX-ML 2.1 generic data";
            case SDMX_STRUCTURE_SPECIFIC_DATA -> "SDMX-ML 2.1 structure-specific data";
        };
    }

    /** The EU file-type table has no JSON-stat or SDMX entry: they are JSON, CSV and XML there. */
    private static String fileType(OutputFormat f) {
        return switch (f) {
            case JSON, JSONSTAT -> "JSON";
            case CSV, SDMX_CSV, SDMX_CSV_1 -> "CSV";
            case XLSX -> "XLSX";
            case SDMX_GENERIC_DATA, SDMX_STRUCTURE_SPECIFIC_DATA -> "XML";
        };
    }

    /** IANA-registered types only (dcat:mediaType must be one); JSON-stat and the SDMX types are not in IANA's registry. */
    private static Optional<String> mediaType(OutputFormat f) {
        return switch (f) {
            case JSON -> Optional.of("application/json");
            case CSV -> Optional.of("text/csv");
            case XLSX -> Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case JSONSTAT, SDMX_CSV, SDMX_CSV_1, SDMX_GENERIC_DATA, SDMX_STRUCTURE_SPECIFIC_DATA -> Optional.empty();
        };
    }
}
