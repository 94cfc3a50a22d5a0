package org.lmobservatory.loader.codelists;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NUTS versions and successors from the NUTS history, and data in an older NUTS version recoded on load. */
class NutsHistoryTest {
    private static final String LIST = "t-nuts-hist";

    @BeforeAll
    static void importHistory() throws Exception {
        CodelistImporter.Result r = RealCodelists.importer().importFile("nuts", RealCodelists.file("nuts_changes_1999_2021.csv"),
                RealCodelists.into(LIST));
        System.out.println("NUTS history import: " + r.message());
    }

    @Test
    void codesShowTheVersionsTheyAreValidInAndTheirSuccessors() {
        var list = RealCodelists.codelist(LIST, "pl");
        assertEquals("NUTS2021", list.get("version"));
        Map<String, Map<String, Object>> codes = RealCodelists.codesById(list);
        assertEquals(3_159, codes.size(), "every code of every version 1999-2021");

        Map<String, Object> pl12 = codes.get("PL12");
        assertEquals(List.of("NUTS2003", "NUTS2006", "NUTS2010", "NUTS2013"), pl12.get("validIn"));
        assertEquals(List.of(Map.of("id", "PL91", "kind", "split", "from", "NUTS2013", "to", "NUTS2016"),
                Map.of("id", "PL92", "kind", "split", "from", "NUTS2013", "to", "NUTS2016")), pl12.get("successors"));
        assertEquals("Mazowieckie", pl12.get("label"));
        assertEquals("region", pl12.get("level"));
        assertEquals(List.of(Map.of("id", "PL911", "kind", "recode", "from", "NUTS2013", "to", "NUTS2016")), codes.get("PL127").get("successors"));
        assertEquals(List.of(Map.of("id", "PL912", "kind", "boundary", "from", "NUTS2013", "to", "NUTS2016")), codes.get("PL129").get("successors"));
        assertEquals(List.of(Map.of("id", "HR050", "kind", "recode", "from", "NUTS2016", "to", "NUTS2021")), codes.get("HR041").get("successors"));
        assertEquals(List.of(Map.of("id", "NO074", "kind", "merge", "from", "NUTS2016", "to", "NUTS2021")), codes.get("NO072").get("successors"));
        Map<String, Object> pl911 = codes.get("PL911");
        assertEquals(List.of("NUTS2016", "NUTS2021"), pl911.get("validIn"));
        assertEquals(null, pl911.get("successors"));
        assertEquals("Miasto Warszawa", pl911.get("label"));
        assertEquals("PL91", pl911.get("parent"));
    }

    @Test
    void validityListAddsVersionsToCodes() throws Exception {
        RealCodelists.importer().importFile("nuts", RealCodelists.file("all_valid_nuts_codes.csv"), RealCodelists.into("t-nuts-valid"));
        Map<String, Map<String, Object>> codes = RealCodelists.codesById(RealCodelists.codelist("t-nuts-valid", "en"));
        assertEquals(List.of("NUTS2016", "NUTS2021"), codes.get("PL911").get("validIn"));
        // This list starts at 2006 for Poland (the history has PL12 from 2003 on): the file is taken as it is.
        assertEquals(List.of("NUTS2006", "NUTS2010", "NUTS2013"), codes.get("PL12").get("validIn"));
        assertEquals("PL1", codes.get("PL12").get("parent"));
        assertEquals(Map.of("id", "PL", "label", "Poland", "level", "country", "validIn",
                List.of("NUTS2006", "NUTS2010", "NUTS2013", "NUTS2016", "NUTS2021")), codes.get("PL"));
        assertEquals(null, codes.get("PL911").get("label"), "the list has no names");
    }

    @Test
    void codesRenamedOneToOneAreLoadedUnderTheirNuts2021Code() throws Exception {
        Path data = TestServer.file("t-recode.csv", """
                geo,time,value
                HR041,2019,1.5
                PL127,2019,2.5
                FI176,2019,3.5
                PL911,2020,4
                """);
        TestServer.publish("t-recode", definition("t-recode"), data);
        assertEquals(List.of("HR050 2019 1.5 null"), observations("t-recode", "HR050"));
        assertEquals(List.of("PL911 2019 2.5 null", "PL911 2020 4 null"), observations("t-recode", "PL911"));
        assertEquals(List.of("FI1C4 2019 3.5 null"), observations("t-recode", "FI1C4"),
                "FI176 (NUTS1999) → FI186 (NUTS2003) → FI1C4 (NUTS2010)");
    }

    @Test
    void splitOrBoundaryChangedCodesAreRejectedByDefaultAndFlaggedBreakOnRequest() throws Exception {
        Path definition = definition("t-recode-breaks");
        Path data = TestServer.file("t-recode-breaks.csv", """
                geo,time,value,flag
                PL911,2015,10,
                PL12,2015,20,
                PL129,2015,30,p
                """);
        LoadReport rejected = TestServer.loader().load("t-recode-breaks", data, Optional.of(definition));
        assertEquals(LoadReport.Status.INVALID, rejected.status());
        assertEquals(List.of(
                "t-recode-breaks.csv:3: geo 'PL12' (NUTS2013) has no one-to-one successor in NUTS2021 (split into PL91, PL92); use --nuts-breaks flag to load it flagged 'b'",
                "t-recode-breaks.csv:4: geo 'PL129' (NUTS2013) has no one-to-one successor in NUTS2021 (boundary changed, now PL912); use --nuts-breaks flag to load it flagged 'b'"),
                rejected.errors().stream().map(LoadError::toString).toList());
        assertEquals("geo", rejected.errors().get(0).column());

        LoadReport flagged = TestServer.loader().load("t-recode-breaks", data, LoadOptions.defaults().withDefinition(definition).withNutsBreaks());
        assertEquals(LoadReport.Status.VALID, flagged.status(), flagged.errors().toString());
        TestServer.publisher().publish("t-recode-breaks", flagged.loadId(), "test");
        assertEquals(List.of("PL12 2015 20 b"), observations("t-recode-breaks", "PL12"));
        assertEquals(List.of("PL129 2015 30 pb"), observations("t-recode-breaks", "PL129"));
        assertEquals(List.of("PL911 2015 10 null"), observations("t-recode-breaks", "PL911"));
    }

    private static Path definition(String id) throws Exception {
        return TestServer.file(id + ".json", """
                {"id": "%s", "title": {"en": "Recoding test %s"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "NR", "label": {"en": "number"}}, "source": "codelist tests",
                 "dimensions": [{"id": "geo", "codelist": "%s", "role": "geo", "label": {"en": "Area"}}]}
                """.formatted(id, id, LIST));
    }

    /** Observations of one geo code as "geo time value flag", read through the API. */
    private static List<String> observations(String dataset, String geo) {
        List<Map<String, Object>> rows = TestServer.given().queryParam("geo", geo).queryParam("labels", "code")
                .get("/v1/datasets/" + dataset + "/observations").then().statusCode(200).extract().jsonPath().getList("observations");
        return rows.stream().map(r -> r.get("geo") + " " + r.get("time") + " " + r.get("value") + " " + r.get("flag")).toList();
    }
}
