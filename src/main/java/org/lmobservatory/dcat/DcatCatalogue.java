package org.lmobservatory.dcat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.releases.Release;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DCAT-AP catalogue of what is published now: the datasets of /v1/datasets that have a current release. The
 * document changes only when a release does, so each serialisation is kept for the set of current releases it was
 * built from (the state key, which the ETag is derived from too).
 */
public final class DcatCatalogue {
    /** The serialisations offered, by media type. */
    public enum Syntax {
        JSON_LD("application/ld+json", RDFFormat.JSONLD11_PRETTY),
        TURTLE("text/turtle", RDFFormat.TURTLE_PRETTY);

        final String mediaType;
        final RDFFormat format;

        Syntax(String mediaType, RDFFormat format) {
            this.mediaType = mediaType;
            this.format = format;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** What is published now: each dataset with its current release, in catalogue order. */
    public record State(List<Dataset> datasets, Map<String, Release> releases) {
        /** Changes whenever a dataset is published, rolled back, added or withdrawn. */
        public String key() {
            StringBuilder key = new StringBuilder();
            datasets.forEach(d -> key.append(d.id()).append(':').append(releases.get(d.id()).id()).append(';'));
            return key.toString();
        }

        public Instant lastModified() {
            return releases.values().stream().map(Release::publishedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        }

        public long newestRelease() {
            return releases.values().stream().mapToLong(Release::id).max().orElse(0);
        }
    }

    private final CatalogueService catalogue;
    private final Jdbi lookups;
    private final QueryAdmission admission;
    private final String baseUrl;
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private volatile String documentsKey = "";

    public DcatCatalogue(CatalogueService catalogue, Jdbi lookups, QueryAdmission admission, String baseUrl) {
        this.catalogue = catalogue;
        this.lookups = lookups;
        this.admission = admission;
        this.baseUrl = baseUrl;
    }

    public State state() {
        List<Dataset> published = new ArrayList<>();
        Map<String, Release> releases = new LinkedHashMap<>();
        for (Dataset d : catalogue.search(null, null)) {
            Optional<Release> r = catalogue.currentRelease(d.id());
            if (r.isEmpty()) continue;
            published.add(d);
            releases.put(d.id(), r.get());
        }
        return new State(published, releases);
    }

    /** The catalogue as of this state, in one syntax. */
    public byte[] document(State state, Syntax syntax) {
        String key = state.key();
        if (!key.equals(documentsKey)) {
            documents.clear();
            documentsKey = key;
        }
        return documents.computeIfAbsent(syntax.name(), s -> write(model(state), syntax));
    }

    /** The RDF graph itself, for callers that work with triples. */
    public Model model(State state) {
        List<CatalogueGraph.Entry> entries = new ArrayList<>();
        Map<String, Codelist> codelists = new LinkedHashMap<>();
        DcatDao dao = lookups.onDemand(DcatDao.class);
        for (Dataset d : state.datasets()) {
            Release r = state.releases().get(d.id());
            d.dimensions().forEach(dim -> codelists.computeIfAbsent(dim.codelistId(), catalogue::codelist));
            long series = admission.get(() -> dao.seriesCount(r.id()));
            entries.add(new CatalogueGraph.Entry(d, r, series, countries(d, r)));
        }
        Instant issued = state.datasets().isEmpty() ? null : admission.get(dao::firstPublished);
        return CatalogueGraph.build(baseUrl, entries, catalogue.codelist("THEME"), codelists, issued);
    }

    /** The countries a release covers: the top of the hierarchy of each geo code it uses, when that is a country code. */
    private Set<String> countries(Dataset d, Release r) {
        Set<String> countries = new TreeSet<>();
        Optional<Dimension> geo = d.geoDimension();
        if (geo.isEmpty()) return countries;
        Codelist codes = catalogue.codelistOf(geo.get());
        for (String id : catalogue.codesInRelease(r.id(), geo.get())) {
            String top = id;
            Optional<Code> code = codes.code(id);
            for (int depth = 0; code.isPresent() && code.get().parent() != null && depth < 20; depth++) {
                top = code.get().parent();
                code = codes.code(top);
            }
            if (top.length() >= 2 && Character.isLetter(top.charAt(0)) && Character.isLetter(top.charAt(1))) {
                countries.add(top.substring(0, 2).toUpperCase());
            }
        }
        return countries;
    }

    private static byte[] write(Model model, Syntax syntax) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, syntax.format);
        return out.toByteArray();
    }
}
