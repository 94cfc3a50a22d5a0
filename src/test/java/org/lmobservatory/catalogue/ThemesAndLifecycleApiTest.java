package org.lmobservatory.catalogue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Themes are codes of codelist THEME; a discontinued dataset says so, and names its successor, wherever it is served. */
class ThemesAndLifecycleApiTest {
    private static final String PILOT = "occupational-barometer-pilot";
    private static final List<String> LANGUAGES = List.of("en", "fi", "sv", "sq", "bg", "pl", "cs");

    @Test
    void themesAreACodelistWithLabelsInEveryLanguage() {
        List<String> english = TestServer.given().get("/v1/codelists/THEME").then().statusCode(200).extract().jsonPath().getList("codes.label");
        assertEquals(List.of("Labour market", "Education and training", "Graduate outcomes", "Skills demand"), english);
        for (String lang : LANGUAGES.subList(1, LANGUAGES.size())) {
            JsonPath list = TestServer.given().queryParam("lang", lang).get("/v1/codelists/THEME").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("labour-market", "education", "graduate-outcomes", "skills-demand"), list.getList("codes.id"), lang);
            List<String> labels = list.getList("codes.label");
            for (int i = 0; i < labels.size(); i++) assertNotEquals(english.get(i), labels.get(i), lang + ": a translation, not the English fallback");
        }
    }

    @Test
    void theCatalogueShowsEachDatasetsThemeCodeAndLabel() {
        JsonPath list = TestServer.given().queryParam("lang", "pl").queryParam("theme", "skills-demand").get("/v1/datasets")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(list.getList("datasets.id").contains("occupational-barometer"), list.prettify());
        assertEquals(List.of("Zapotrzebowanie na umiejętności"), list.getList("datasets.themeLabel").stream().distinct().toList());
        TestServer.given().queryParam("lang", "fi").get("/v1/datasets/unemployment-rate").then().statusCode(200)
                .body("theme", equalTo("labour-market")).body("themeLabel", equalTo("Työmarkkinat"));
        TestServer.given().queryParam("theme", "weather").get("/v1/datasets").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("skills-demand"));
    }

    @Test
    void theLoaderRefusesAThemeThatIsNotInTheCodelist() throws Exception {
        TestServer.get();
        Path definition = TestServer.file("t-weather.json", """
                {"id": "t-weather", "title": {"en": "Weather"}, "theme": "weather", "frequency": "A", "unit": {"id": "C"},
                 "source": "test", "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}]}
                """);
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> TestServer.loader().define(definition));
        assertEquals("t-weather.json: $.theme: 'weather' is not a code of codelist THEME; themes: labour-market, education, "
                + "graduate-outcomes, skills-demand (define THEME again to add one)", e.getMessage());
        TestServer.given().get("/v1/datasets/t-weather").then().statusCode(404);
    }

    @Test
    void aDiscontinuedDatasetNamesItsSuccessorInTheCatalogueAndInItsObservationsHeaders() {
        JsonPath list = TestServer.given().get("/v1/datasets").then().statusCode(200).extract().jsonPath();
        String entry = "datasets.find { it.id == '" + PILOT + "' }";
        assertEquals("discontinued", list.getString(entry + ".lifecycle.status"));
        assertEquals("2024-06-30", list.getString(entry + ".lifecycle.discontinued"));
        assertEquals("occupational-barometer", list.getString(entry + ".lifecycle.successor"));
        assertNull(list.get("datasets.find { it.id == 'occupational-barometer' }.lifecycle"), "an active dataset has no lifecycle");

        TestServer.given().get("/v1/datasets/" + PILOT).then().statusCode(200)
                .body("lifecycle.successor", equalTo("occupational-barometer"))
                .body("lifecycle.successorLink", equalTo("/v1/datasets/occupational-barometer"));

        String deprecation = "@" + LocalDate.of(2024, 6, 30).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (String format : List.of("json", "csv", "jsonstat", "sdmx-csv", "xlsx")) {
            Response r = TestServer.given().queryParam("format", format).get("/v1/datasets/" + PILOT + "/observations");
            r.then().statusCode(200);
            String link = r.header("Link");
            assertTrue(link != null && link.contains("</v1/datasets/occupational-barometer>; rel=\"successor-version\""), format + ": " + link);
            assertTrue(link.contains("rel=\"cite-as\""), "the successor joins the other links: " + link);
            assertEquals(deprecation, r.header("Deprecation"), format);
        }
        Response active = TestServer.given().get("/v1/datasets/occupational-barometer/observations");
        assertNull(active.header("Deprecation"));
        assertTrue(!active.header("Link").contains("successor-version"));

        String chart = TestServer.given().queryParam("geo", "PL_1261").queryParam("occupation", "OC2512")
                .get("/v1/datasets/" + PILOT + "/chart.svg").then().statusCode(200).extract().asString();
        assertTrue(chart.contains("Discontinued on") && chart.contains("continued by occupational-barometer"), chart);
        String widget = TestServer.given().queryParams(Map.of("dataset", PILOT, "geo", "PL_1261", "occupation", "OC2512"))
                .get("/widgets/indicator").then().statusCode(200).extract().asString();
        assertTrue(widget.contains("continued by occupational-barometer"), widget);
    }
}
