package org.lmobservatory.dcat;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;

import java.util.List;

/**
 * The official DCAT-AP 3.0.1 SHACL shapes (copied under src/test/resources/dcat/official-3.0.1, see its README.md):
 * the files the release's HTML lists as its validation set. Left out, and why:
 * imports.ttl and mdr_imports.ttl only owl:import whole vocabularies and the EU authority tables from the network
 * (nothing to validate with, and a test must not fetch them), and dcat-ap-SHACL.ttl / ranges.ttl, the same
 * constraints generated from the UML model, which Jena's Shapes.parse refuses: dcat-ap-SHACL.ttl names two property
 * shapes of dcat:DataServiceShape it never defines ("ShaclParse Missing property shape").
 */
final class OfficialShapes {
    static final String DIR = "src/test/resources/dcat/official-3.0.1/";
    static final List<String> FILES = List.of("shapes.ttl", "shapes_recommended.ttl", "range.ttl",
            "mdr-vocabularies.shape.ttl", "deprecateduris.ttl");
    private static Shapes shapes;

    private OfficialShapes() {
    }

    static synchronized Shapes shapes() {
        if (shapes == null) {
            Graph all = GraphFactory.createDefaultGraph();
            FILES.forEach(f -> RDFDataMgr.read(all, DIR + f));
            shapes = Shapes.parse(all);
        }
        return shapes;
    }

    static ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes(), data);
    }

    static boolean isViolation(ReportEntry e) {
        return e.severity().level().getURI().endsWith("#Violation");
    }

    /** One line per finding: severity, focus node, path, message (ReportEntry.toString leaves out the severity). */
    static String describe(ReportEntry e) {
        return e.severity().level().getLocalName() + " " + e.focusNode() + " " + path(e) + ": " + e.message();
    }

    /**
     * The two recommendations the catalogue leaves unmet on purpose, whatever the datasets: dcat:bbox and dcat:centroid
     * of a country of the EU country table (the URI names the country; a geometry of a whole country is not ours to
     * publish, and the EU table carries none to copy), and a publisher from the EU corporate-bodies table (the
     * observatory is not an EU body; its dct:type is from the ADMS publisher types, which the shapes accept).
     */
    static boolean acceptedWarning(ReportEntry e) {
        if (isViolation(e)) return false;
        String path = path(e);
        boolean countryGeometry = e.focusNode().isURI() && e.focusNode().getURI().startsWith("http://publications.europa.eu/resource/authority/country/")
                && (path.equals("http://www.w3.org/ns/dcat#bbox") || path.equals("http://www.w3.org/ns/dcat#centroid"));
        boolean notAnEuBody = path.equals("http://purl.org/dc/terms/publisher") && e.message().contains("CorporateBodyRestriction");
        return countryGeometry || notAnEuBody;
    }

    static String path(ReportEntry e) {
        return e.resultPath() == null ? "" : e.resultPath().toString().replaceAll("^<|>$", "");
    }
}
