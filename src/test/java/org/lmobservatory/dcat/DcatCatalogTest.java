package org.lmobservatory.dcat;

import io.restassured.response.Response;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DCAT-AP catalogue: valid against the official DCAT-AP 3.0.1 shapes, one dataset per published dataset, tied to releases. */
class DcatCatalogTest {
    private static final String DATASET = "dcat-test-regions";
    private static Path definition;

    @BeforeAll
    static void publishADatasetOfOurOwn() throws Exception {
        definition = TestServer.file(DATASET + ".json", """
                {"id": "dcat-test-regions", "title": {"en": "DCAT test: persons by region", "fi": "DCAT-testi: henkilöt alueittain"},
                 "description": {"en": "A dataset of the DCAT-AP test."}, "theme": "education", "frequency": "Q",
                 "keywords": ["test"], "unit": {"id": "PERS", "label": {"en": "persons"}}, "source": "Test source",
                 "licence": "CC-BY-4.0", "contact": "stats@example.org",
                 "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}, {"id": "sex", "codelist": "SEX"}]}
                """);
        TestServer.publish(DATASET, definition, TestServer.file("dcat1.csv", """
                geo,sex,time,value,flag
                FI1B,T,2024-Q1,100,
                FI1B,F,2024-Q1,55,
                BG31,T,2024-Q2,80,
                """));
    }

    /** The public base URL the server writes into documents (LMO_BASE_URL), not the test server's own address. */
    private static String base() {
        return TestDatabase.config().baseUrl();
    }

    private static Model turtle(String path) {
        Response r = TestServer.given().get(path).then().statusCode(200).extract().response();
        assertTrue(r.contentType().startsWith("text/turtle"), r.contentType());
        return RDFParser.fromString(r.asString(), Lang.TURTLE).toModel();
    }

    @Test
    void theCatalogueInTurtleConformsToTheOfficialDcatApShapes() {
        assertConformsToTheOfficialShapes(turtle("/catalog.ttl"));
    }

    @Test
    void theCatalogueInJsonLdConformsToTheOfficialDcatApShapes() {
        String ld = TestServer.given().header("Accept", "application/ld+json").get("/catalog").then().statusCode(200).extract().asString();
        assertConformsToTheOfficialShapes(RDFParser.fromString(ld, Lang.JSONLD11).toModel());
    }

    /**
     * No violation. Warnings (recommended properties): none on the catalogue, its distributions and agents, nor on a
     * dataset whose definition has everything, like ours; another dataset may lack only what comes from its definition
     * (no contact, no geo dimension, a theme without an EU data theme, a licence outside the table whose ADMS type we
     * know). Plus the two the catalogue leaves unmet on purpose (OfficialShapes.acceptedWarning).
     */
    private static void assertConformsToTheOfficialShapes(Model catalog) {
        ValidationReport report = OfficialShapes.validate(catalog.getGraph());
        List<String> violations = report.getEntries().stream().filter(OfficialShapes::isViolation).map(OfficialShapes::describe).limit(20).toList();
        assertEquals(List.of(), violations);
        Set<String> fromDefinitions = Set.of(DCAT.contactPoint.getURI(), DCTerms.spatial.getURI(), DCAT.theme.getURI(), DCTerms.temporal.getURI());
        Set<String> datasets = catalog.listSubjectsWithProperty(RDF.type, DCAT.Dataset).mapWith(Resource::getURI).toSet();
        String ours = base() + "/v1/datasets/" + DATASET;
        String ourLicence = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";
        Set<String> licences = catalog.listSubjectsWithProperty(RDF.type, DCTerms.LicenseDocument).mapWith(Resource::getURI).toSet();
        List<String> warnings = report.getEntries().stream()
                .filter(e -> !OfficialShapes.acceptedWarning(e))
                .filter(e -> !(e.focusNode().isURI() && datasets.contains(e.focusNode().getURI()) && !e.focusNode().getURI().equals(ours)
                        && fromDefinitions.contains(OfficialShapes.path(e))))
                .filter(e -> !(e.focusNode().isURI() && licences.contains(e.focusNode().getURI()) && !e.focusNode().getURI().equals(ourLicence)
                        && OfficialShapes.path(e).equals(DCTerms.type.getURI())))
                .map(OfficialShapes::describe).limit(20).toList();
        assertEquals(List.of(), warnings);
    }

    @Test
    void theStatDcatApPropertiesConformToTheirShapes() {
        // The official DCAT-AP shapes do not know StatDCAT-AP: its dimensions, number of series and units are checked here.
        Model catalog = turtle("/catalog.ttl");
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("src/test/resources/dcat/statdcat-ap-shapes.ttl"));
        ValidationReport report = ShaclValidator.get().validate(shapes, catalog.getGraph());
        assertEquals(List.of(), report.getEntries().stream().filter(OfficialShapes::isViolation).map(OfficialShapes::describe).limit(20).toList());
        String ours = base() + "/v1/datasets/" + DATASET;
        assertEquals(List.of(), report.getEntries().stream().filter(e -> e.focusNode().isURI() && e.focusNode().getURI().startsWith(ours))
                .map(OfficialShapes::describe).toList());
    }

    @Test
    void theOfficialShapesCatchADatasetWithoutTitleOrADistributionWithoutAccessUrl() {
        // The tests above could pass with shapes that check nothing: here they must find what DCAT-AP calls mandatory,
        // and a licence, format or frequency that is not typed and not in its EU table.
        Model broken = ModelFactory.createDefaultModel();
        broken.createResource("http://example.org/d", DCAT.Dataset).addProperty(DCTerms.description, "no title")
                .addProperty(DCTerms.accrualPeriodicity, broken.createResource("http://example.org/weekly"))
                .addProperty(DCAT.distribution, broken.createResource("http://example.org/x", DCAT.Distribution)
                        .addProperty(DCTerms.format, broken.createResource("http://example.org/csv")));
        ValidationReport report = OfficialShapes.validate(broken.getGraph());
        assertTrue(!report.conforms());
        Set<String> paths = report.getEntries().stream().filter(OfficialShapes::isViolation).map(OfficialShapes::path).collect(Collectors.toSet());
        assertTrue(paths.contains(DCTerms.title.getURI()), paths.toString());
        assertTrue(paths.contains(DCAT.accessURL.getURI()), paths.toString());
        assertTrue(paths.contains(DCTerms.accrualPeriodicity.getURI()), paths.toString());
        assertTrue(paths.contains(DCTerms.format.getURI()), paths.toString());
    }

    @Test
    void everyPublishedDatasetIsOneDcatDatasetWithADistributionPerFormatAndTheBulkDownload() {
        Model catalog = turtle("/catalog.ttl");
        List<Map<String, Object>> listed = TestServer.given().get("/v1/datasets").then().statusCode(200).extract().jsonPath().getList("datasets");
        Set<String> published = listed.stream().filter(d -> d.get("lastUpdate") != null).map(d -> (String) d.get("id")).collect(Collectors.toSet());
        Set<String> described = catalog.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList().stream()
                .map(r -> r.getProperty(DCTerms.identifier).getString()).collect(Collectors.toSet());
        assertEquals(published, described);
        Resource catalogNode = catalog.listSubjectsWithProperty(RDF.type, DCAT.Catalog).next();
        assertEquals(published.size(), catalogNode.listProperties(DCAT.dataset).toList().size());

        Resource ours = catalog.getResource(base() + "/v1/datasets/" + DATASET);
        List<Resource> distributions = ours.listProperties(DCAT.distribution).mapWith(Statement::getResource).toList();
        assertEquals(org.lmobservatory.observations.OutputFormat.values().length + 1, distributions.size(), "one per format the API writes (JSON, CSV, JSON-stat, XLSX, SDMX-CSV 2.0 and 1.0, SDMX-ML generic and structure-specific) and the bulk download");
        Set<String> access = distributions.stream().map(d -> d.getPropertyResourceValue(DCAT.accessURL).getURI()).collect(Collectors.toSet());
        assertTrue(access.contains(base() + "/v1/datasets/" + DATASET + "/download"), access.toString());
        assertTrue(access.contains(base() + "/v1/datasets/" + DATASET + "/observations?format=sdmx-csv"), access.toString());
        for (Resource d : distributions) {
            assertEquals("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", d.getPropertyResourceValue(DCTerms.license).getURI());
        }
        // Every access URL answers.
        TestServer.given().get("/v1/datasets/" + DATASET + "/observations?format=sdmx-csv").then().statusCode(200);

        String stat = "http://data.europa.eu/(xyz)/statdcat-ap/";
        assertEquals(3, ours.getProperty(catalog.createProperty(stat, "numSeries")).getLong(), "FI1B/T, FI1B/F, BG31/T");
        assertEquals(2, ours.listProperties(catalog.createProperty(stat, "dimension")).toList().size());
        // The unit's labels in every language it has; the English one is the one the API shows.
        String unit = TestServer.given().get("/v1/datasets/" + DATASET).then().statusCode(200).extract().jsonPath().getString("unit.label");
        Set<String> unitLabels = ours.getPropertyResourceValue(catalog.createProperty(stat, "statUnitMeasure"))
                .listProperties(catalog.createProperty("http://www.w3.org/2004/02/skos/core#", "prefLabel"))
                .filterKeep(l -> l.getLanguage().equals("en")).mapWith(Statement::getString).toSet();
        assertEquals(Set.of(unit), unitLabels);
        Set<String> spatial = ours.listProperties(DCTerms.spatial).mapWith(s -> s.getResource().getURI()).toSet();
        assertEquals(Set.of("http://publications.europa.eu/resource/authority/country/FIN",
                "http://publications.europa.eu/resource/authority/country/BGR"), spatial);
        assertEquals("http://publications.europa.eu/resource/authority/data-theme/EDUC", ours.getPropertyResourceValue(DCAT.theme).getURI());
        Resource temporal = ours.getPropertyResourceValue(DCTerms.temporal);
        assertEquals("2024-01-01", temporal.getProperty(DCAT.startDate).getString());
        assertEquals("2024-06-30", temporal.getProperty(DCAT.endDate).getString());
        assertEquals("http://www.w3.org/2001/XMLSchema#date", temporal.getProperty(DCAT.startDate).getLiteral().getDatatypeURI());
    }

    @Test
    void jsonLdByContentNegotiationDescribesTheSameGraphAsTurtle() {
        Response ld = TestServer.given().header("Accept", "application/ld+json").get("/catalog").then().statusCode(200).extract().response();
        assertTrue(ld.contentType().startsWith("application/ld+json"), ld.contentType());
        Model fromJsonLd = RDFParser.fromString(ld.asString(), Lang.JSONLD11).toModel();
        Model fromTurtle = RDFParser.fromString(TestServer.given().header("Accept", "text/turtle").get("/catalog").then().statusCode(200)
                .extract().asString(), Lang.TURTLE).toModel();
        assertTrue(fromJsonLd.isIsomorphicWith(fromTurtle), "JSON-LD and Turtle differ");
        TestServer.given().header("Accept", "text/html").get("/catalog").then().statusCode(406).contentType("application/problem+json");
        TestServer.given().get("/catalog.ttl?x=1").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void modifiedAndTheEtagFollowTheCurrentRelease() throws Exception {
        Response before = TestServer.given().get("/catalog.ttl").then().statusCode(200).extract().response();
        String etag = before.header("ETag");
        TestServer.given().header("If-None-Match", etag).get("/catalog.ttl").then().statusCode(304);

        long release = TestServer.publish(DATASET, definition, TestServer.file("dcat2.csv", """
                geo,sex,time,value,flag
                FI1B,T,2024-Q1,101,
                FI1B,F,2024-Q1,55,
                BG31,T,2024-Q2,80,
                """));
        Response after = TestServer.given().header("If-None-Match", etag).get("/catalog.ttl").then().statusCode(200).extract().response();
        Model catalog = RDFParser.fromString(after.asString(), Lang.TURTLE).toModel();
        Resource ours = catalog.getResource(base() + "/v1/datasets/" + DATASET);
        String publishedAt = TestServer.given().get("/v1/datasets/" + DATASET).then().statusCode(200).extract().jsonPath().getString("release.publishedAt");
        assertEquals(Instant.parse(publishedAt), Instant.parse(ours.getProperty(DCTerms.modified).getString()));
        assertEquals(Long.toString(release), ours.getProperty(catalog.createProperty(DCAT.NS, "version")).getString());
    }
}
