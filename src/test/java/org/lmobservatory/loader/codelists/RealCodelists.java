package org.lmobservatory.loader.codelists;

import com.fasterxml.jackson.core.type.TypeReference;
import io.restassured.RestAssured;
import org.lmobservatory.db.Json;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    /** GET /v1/codelists/{id} through the real server, checked against the OpenAPI contract; the body as a map. */
    static Map<String, Object> codelist(String id, String lang) {
        return parse(TestServer.given().queryParam("lang", lang).get("/v1/codelists/" + id).then().statusCode(200).extract().asString());
    }

    /**
     * The same without the contract check, for further languages of a list already checked and for lists of
     * 10,000+ codes: the schema validator needs half a minute for those.
     */
    static Map<String, Object> codelistUnchecked(String id, String lang) {
        return parse(RestAssured.given().baseUri(TestServer.baseUrl()).queryParam("lang", lang).get("/v1/codelists/" + id)
                .then().statusCode(200).extract().asString());
    }

    private static Map<String, Object> parse(String body) {
        try {
            return Json.MAPPER.readValue(body, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The codes of a codelist response by id. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> codesById(Map<String, Object> codelist) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) codelist.get("codes")) out.put((String) c.get("id"), c);
        return out;
    }
}
