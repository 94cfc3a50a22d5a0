package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDMX-CSV 2.x field guide's own examples (dimensions DIM_1, DIM_2; DIM_3 is the time dimension), loaded as they
 * are, and its actions applied against a published release.
 */
class SdmxCsvSpecExamplesTest {
    private static final List<String> DIMS = List.of("dim_1", "dim_2");

    @BeforeAll
    static void codelists() throws Exception {
        TestServer.get();
        TestCatalogue.defineCodelist("SDMXEX-DIM_1", List.of("A", "B"));
        TestCatalogue.defineCodelist("SDMXEX-DIM_2", List.of("A", "B", "C"));
    }

    private static Path dataset(String id) throws Exception {
        return TestCatalogue.dataset(id, "M", DIMS, "SDMXEX");
    }

    private static void assertTwoExampleCells(String datasetId) throws Exception {
        Map<String, ApiCells.Cell> api = ApiCells.fetchAll(datasetId, DIMS);
        assertEquals(2, api.size(), api.toString());
        assertTrue(api.get("A|B|2014-01").sameAs(ApiCells.Cell.of("12.4", null)), api.toString());
        assertTrue(api.get("A|B|2014-02").sameAs(ApiCells.Cell.of("10.8", null)), api.toString());
    }

    @Test
    void ordinaryCase() throws Exception {
        ApiCells.publish("sdmx-ex-ordinary", dataset("sdmx-ex-ordinary"), SharedData.realdata("sdmx-csv/example_01.csv"));
        assertTwoExampleCells("sdmx-ex-ordinary");
    }

    @Test
    void labelsBothWithNormalisedTime() throws Exception {
        // "DIM_1: Dimension 1" headers, "A: Value A" codes and 2014-01-01 for the month 2014-01.
        ApiCells.publish("sdmx-ex-labels", dataset("sdmx-ex-labels"), SharedData.realdata("sdmx-csv/example_05.csv"));
        assertTwoExampleCells("sdmx-ex-labels");
    }

    @Test
    void labelsNameColumns() throws Exception {
        ApiCells.publish("sdmx-ex-names", dataset("sdmx-ex-names"), SharedData.realdata("sdmx-csv/example_06.csv"));
        assertTwoExampleCells("sdmx-ex-names");
    }

    @Test
    void localisedWithSemicolonsAndDecimalComma() throws Exception {
        ApiCells.publish("sdmx-ex-localised", dataset("sdmx-ex-localised"), SharedData.realdata("sdmx-csv/example_04.csv"));
        assertTwoExampleCells("sdmx-ex-localised");
    }

    @Test
    void actionsAreAppliedAgainstTheCurrentRelease() throws Exception {
        Path merge = SharedData.realdata("sdmx-csv/example_10.csv");
        Path deleteObservation = SharedData.realdata("sdmx-csv/example_16.csv");
        Path deleteWildcard = SharedData.realdata("sdmx-csv/example_17.csv");
        String id = "sdmx-ex-actions";
        ApiCells.publish(id, dataset(id), TestServer.file("base.csv", """
                dim_1,dim_2,time,value,flag
                A,B,2014-01,1.0,
                A,B,2014-02,2.0,
                A,B,2014-03,3.0,p
                A,A,2014-01,4.0,
                A,A,2014-02,5.0,
                B,B,2014-01,6.0,
                B,C,2014-01,7.0,
                B,C,2014-02,,c
                """));
        assertEquals(8, ApiCells.fetchAll(id, DIMS).size());

        // Example 10: M (merge) of 2014-01 and R (replace) of 2014-02 of series A.B.
        LoadReport merged = loadAndPublish(id, merge);
        assertTrue(merged.message().contains("incremental"), merged.message());
        Map<String, ApiCells.Cell> api = ApiCells.fetchAll(id, DIMS);
        assertEquals(8, api.size());
        assertTrue(api.get("A|B|2014-01").sameAs(ApiCells.Cell.of("12.4", null)));
        assertTrue(api.get("A|B|2014-02").sameAs(ApiCells.Cell.of("10.8", null)));
        assertTrue(api.get("A|B|2014-03").sameAs(ApiCells.Cell.of("3.0", "p")));
        assertTrue(api.get("B|C|2014-02").sameAs(ApiCells.Cell.of(null, "c")));

        // Example 16: D with OBS_VALUE "-" deletes A.B 2014-01; D marking only ATTR_3 (not stored here) changes nothing.
        LoadReport deleted = loadAndPublish(id, deleteObservation);
        assertTrue(deleted.message().contains("1 delete row(s) for attributes this service does not store were ignored"), deleted.message());
        api = ApiCells.fetchAll(id, DIMS);
        assertEquals(7, api.size());
        assertNull(api.get("A|B|2014-01"));
        assertTrue(api.get("A|B|2014-02").sameAs(ApiCells.Cell.of("10.8", null)));

        // Example 17: DIM_1 and DIM_3 (time) left empty: every observation with DIM_2 = A goes.
        loadAndPublish(id, deleteWildcard);
        api = ApiCells.fetchAll(id, DIMS);
        assertEquals(5, api.size(), api.toString());
        assertTrue(api.keySet().stream().noneMatch(k -> k.contains("|A|")), api.toString());

        // Whole-series deletes (empty TIME_PERIOD), the delete-then-resend idiom, and a confidential replacement.
        LoadReport own = loadAndPublish(id, TestServer.file("actions.csv", """
                STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,DIM_2,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS
                dataflow,TEST:ACTIONS(1.0),D,B,C,,,,
                dataflow,TEST:ACTIONS(1.0),D,B,B,,,,
                dataflow,TEST:ACTIONS(1.0),I,B,B,2014-05,8.5,p,
                dataflow,TEST:ACTIONS(1.0),R,A,B,2014-03,3.5,,C
                """));
        assertTrue(own.message().contains("1 value(s) marked confidential by CONF_STATUS were dropped"), own.message());
        api = ApiCells.fetchAll(id, DIMS);
        assertEquals(Map.of("A|B|2014-02", "10.8/null", "A|B|2014-03", "null/c", "B|B|2014-05", "8.5/p"),
                api.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().value() + "/" + e.getValue().flag())));
    }

    private static LoadReport loadAndPublish(String datasetId, Path file) throws Exception {
        LoadReport report = TestServer.loader().load(datasetId, file, Optional.empty());
        assertEquals(LoadReport.Status.VALID, report.status(), report.message() + " " + report.errors());
        TestServer.publishLoad(datasetId, report.loadId());
        return report;
    }
}
