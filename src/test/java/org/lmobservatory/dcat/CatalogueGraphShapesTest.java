package org.lmobservatory.dcat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ValidationReport;
import org.junit.jupiter.api.Test;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.releases.Release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The graph alone (no server): a dataset definition with every field the catalogue uses passes the official shapes. */
class CatalogueGraphShapesTest {
    /** One dataset whose definition has every field the catalogue uses (contact, geo dimension, theme, licence). */
    static Model fullyDescribed() {
        Dataset d = new Dataset("unit-test", Map.of("en", "Persons by region", "fi", "Henkilöt alueittain"), Map.of("en", "A test."),
                "education", List.of("test"), Frequency.Q, new Unit("PERS", Map.of("en", "persons"), 0, 0), "Test source", "CC-BY-4.0",
                "stats@example.org", Map.of(), false, 1L, Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Dimension("geo", 0, "GEO", "geo", Map.of("en", "Region")), new Dimension("sex", 1, "SEX", null, Map.of())),
                null, Map.of(), Dataset.Lifecycle.ACTIVE);
        Release r = new Release(7, "unit-test", Instant.parse("2025-01-01T00:00:00Z"), 3, "x", "x.csv", null,
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-04-01"));
        Codelist themes = Codelist.of("THEME", "1", Map.of(), Map.of(),
                List.of(new Code("education", null, null, Map.of("en", "Education"), 0, List.of(), List.of())));
        return CatalogueGraph.build("https://lmo.example.org", List.of(new CatalogueGraph.Entry(d, r, 3, Set.of("FI", "BG", "XK"))),
                themes, Map.of(), Instant.parse("2024-06-01T00:00:00Z"));
    }

    @Test
    void aFullyDescribedDatasetHasNoViolationAndOnlyTheAcceptedWarnings() {
        Model graph = fullyDescribed();

        ValidationReport report = OfficialShapes.validate(graph.getGraph());

        List<String> findings = report.getEntries().stream().filter(e -> !OfficialShapes.acceptedWarning(e)).map(OfficialShapes::describe).toList();
        if (!findings.isEmpty()) RDFDataMgr.write(System.out, graph, RDFFormat.TURTLE_PRETTY);
        assertEquals(List.of(), findings);
    }
}
