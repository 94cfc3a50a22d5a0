package org.lmobservatory.sdmx;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.releases.Embargoes;
import org.lmobservatory.support.TestServer;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SDMX data answer fetched through /sdmx/2.1/data links its data structure as what describes it, not the CSVW sidecar
 * of the equivalent /v1 query (whose url names the /v1 URL, so a CSVW processor following the link from the /sdmx URL
 * must ignore it); the /v1 answer of the same query, which shares its cache entry, keeps its CSVW link.
 */
class SdmxDescribedByTest {
    private static final String CSV_2 = "application/vnd.sdmx.data+csv;version=2.0.0";
    private static String id;

    @BeforeAll
    static void publish() throws Exception {
        id = Embargoes.uniqueId("sdmx-described");
        Embargoes.publishNow(id, "SDMX describedby", "geo,time,value\nFI1B,2023,1\nFI1C,2023,3\n");
    }

    @Test
    void sdmxCsvLinksItsDataStructureAndNoCsvwSidecar() {
        // The /v1 answer first, so that the /sdmx one comes from the same cache entry.
        Response v1 = TestServer.given().queryParam("format", "sdmx-csv").get("/v1/datasets/{id}/observations", id);
        v1.then().statusCode(200).header("Link", containsString("csv-metadata"));
        for (int attempt = 0; attempt < 2; attempt++) {
            String link = TestServer.given().accept(CSV_2).get("/sdmx/2.1/data/" + id + "/all").then().statusCode(200).extract().header("Link");
            String structure = "</sdmx/2.1/datastructure/LMO/" + id + "/1.0?references=children>; rel=\"describedby\"";
            assertTrue(link.contains(structure), link);
            assertFalse(link.contains("csv-metadata"), link);
            assertTrue(link.contains("rel=\"cite-as\""), link);
        }
        TestServer.given().queryParam("format", "sdmx-csv").get("/v1/datasets/{id}/observations", id)
                .then().statusCode(200).header("Link", containsString("csv-metadata"));
    }

    @Test
    void theLinkedStructureDescribesTheFlowAndSdmxMlLinksItToo() {
        String link = TestServer.given().accept("application/vnd.sdmx.genericdata+xml;version=2.1").get("/sdmx/2.1/data/" + id + "/all")
                .then().statusCode(200).extract().header("Link");
        String target = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertTrue(target.startsWith("/sdmx/2.1/datastructure/"), link);
        TestServer.given().get(target).then().statusCode(200).body(containsString(id));
    }
}
