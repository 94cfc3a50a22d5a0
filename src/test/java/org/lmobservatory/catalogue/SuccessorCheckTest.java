package org.lmobservatory.catalogue;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A discontinued dataset's successor must exist: refused at load when it does not, and never linked once it is gone. */
class SuccessorCheckTest {

    private static Path definition(String id, String successor) throws Exception {
        return TestServer.file(id + ".json", """
                {"id": "%s", "title": {"en": "Successor test"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "test",
                 "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}],
                 "lifecycle": {
                   "discontinued": "2024-12-31",
                   "successor": "%s"
                 }}
                """.formatted(id, successor));
    }

    @Test
    void aSuccessorThatIsNotDefinedIsRefusedAtLoadWithFileLineAndReason() throws Exception {
        TestServer.get();
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> TestServer.loader().define(definition("t-lc-orphan", "t-lc-never-defined")));
        assertEquals("t-lc-orphan.json:6: $.lifecycle.successor: there is no dataset 't-lc-never-defined'; define the successor first "
                + "(define --file t-lc-never-defined.json), then this dataset", e.errors().get(0).toString());
        TestServer.given().get("/v1/datasets/t-lc-orphan").then().statusCode(404);
    }

    @Test
    void aSuccessorThatIsGoneIsNeverLinkedInTheCatalogueOrTheHeaders() throws Exception {
        TestServer.get();
        TestServer.loader().define(TestServer.file("t-lc-next.json", """
                {"id": "t-lc-next", "title": {"en": "Successor"}, "theme": "labour-market", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "test", "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}]}
                """));
        TestServer.loader().define(definition("t-lc-old", "t-lc-next"));
        // The successor was defined, never published, and then removed (only this test's own dataset is touched); the
        // server reads t-lc-old for the first time after that (its catalogue cache would otherwise hold it up to 30 s).
        TestDatabase.get().owner().useHandle(h -> h.execute("DELETE FROM published.dataset WHERE id = 't-lc-next'"));
        LoadReport report = TestServer.loader().load("t-lc-old", TestServer.file("t-lc-old.csv", """
                geo,time,value
                FI_091,2024,5
                """), Optional.empty());
        assertEquals(LoadReport.Status.VALID, report.status(), report.message());
        TestServer.publishLoad("t-lc-old", report.loadId());

        Response metadata = TestServer.given().get("/v1/datasets/t-lc-old");
        metadata.then().statusCode(200);
        assertEquals("discontinued", metadata.path("lifecycle.status"));
        assertNull(metadata.path("lifecycle.successor"));
        assertNull(metadata.path("lifecycle.successorLink"));
        String link = TestServer.given().get("/v1/datasets/t-lc-old/observations").then().statusCode(200).extract().header("Link");
        assertFalse(link != null && link.contains("successor-version"), link);
    }
}
