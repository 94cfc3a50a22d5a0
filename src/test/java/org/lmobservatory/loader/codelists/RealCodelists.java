package org.lmobservatory.loader.codelists;

import io.restassured.path.json.JsonPath;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real codelist files of ../shared/realdata (LMO_SHARED_DIR overrides ../shared), and helpers around imports. */
final class RealCodelists {
    private RealCodelists() {
    }

    static Path file(String relative) {
        String shared = System.getProperty("lmo.shared.dir", Optional.ofNullable(System.getenv("LMO_SHARED_DIR")).orElse("../shared"));
        Path path = Path.of(shared, "realdata", "codelists").resolve(relative);
        assumeTrue(Files.exists(path), path + " absent (…/realdata not beside the project): skipping");
        return path;
    }

    static CodelistImporter importer() {
        return new CodelistImporter(TestDatabase.get().owner());
    }

    static ImportOptions into(String id) {
        return new ImportOptions(id, Optional.empty(), Optional.empty());
    }

    static ImportOptions into(String id, String version, String lang) {
        return new ImportOptions(id, Optional.ofNullable(version), Optional.ofNullable(lang));
    }

    /** GET /v1/codelists/{id} through the real server, checked against the OpenAPI contract. */
    static JsonPath codelist(String id, String lang) {
        return TestServer.given().queryParam("lang", lang).get("/v1/codelists/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The codes of a codelist response by id. */
    static Map<String, Map<String, Object>> codesById(JsonPath codelist) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        List<Map<String, Object>> codes = codelist.getList("codes");
        for (Map<String, Object> c : codes) out.put((String) c.get("id"), c);
        return out;
    }
}
