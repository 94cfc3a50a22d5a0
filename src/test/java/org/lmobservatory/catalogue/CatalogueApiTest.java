package org.lmobservatory.catalogue;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

class CatalogueApiTest {

    @Test
    void catalogueListsEverySeedDatasetWithItsCoverage() {
        TestServer.given().get("/v1/datasets")
                .then().statusCode(200)
                .body("datasets.id", hasItems("registered-unemployed", "unemployment-rate", "vet-enrolment", "job-vacancies"))
                .body("datasets.find { it.id == 'registered-unemployed' }.timeCoverage.start", equalTo("2019-01"))
                .body("datasets.find { it.id == 'registered-unemployed' }.timeCoverage.end", equalTo("2025-12"))
                .body("datasets.find { it.id == 'registered-unemployed' }.timeCoverage.periods", equalTo(84));
    }

    @Test
    void themeFilterKeepsOnlyThatTheme() {
        TestServer.given().queryParam("theme", "education").get("/v1/datasets")
                .then().statusCode(200)
                .body("datasets.theme", everyItem(equalTo("education")))
                .body("datasets.id", hasItem("vet-enrolment"))
                .body("datasets.id", not(hasItem("job-vacancies")));
    }

    @Test
    void freeTextSearchFindsFinnishTitlesWithoutAccents() {
        TestServer.given().queryParam("q", "tyottomat").queryParam("lang", "fi").get("/v1/datasets")
                .then().statusCode(200)
                .body("datasets.id", hasItem("registered-unemployed"))
                .body("datasets.find { it.id == 'registered-unemployed' }.title", containsString("Työttömät"));
    }

    @Test
    void searchThatMatchesNothingIsAnEmptyListWithAWarning() {
        TestServer.given().queryParam("q", "no-such-indicator-anywhere").get("/v1/datasets")
                .then().statusCode(200)
                .body("count", equalTo(0))
                .body("warnings[0]", containsString("No dataset"));
    }

    @Test
    void unknownThemeIsABadRequestListingTheThemes() {
        TestServer.given().queryParam("theme", "sports").get("/v1/datasets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("labour-market"))
                .body("allowed", hasItem("graduate-outcomes"));
    }

    @Test
    void unknownQueryParameterIsRejectedNotIgnored() {
        TestServer.given().queryParam("sort", "title").get("/v1/datasets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("http"))
                .body("detail", containsString("Unknown query parameter sort"));
    }

    @Test
    void datasetMetadataHasDimensionsWithCodesInTheAskedLanguage() {
        TestServer.given().queryParam("lang", "pl").get("/v1/datasets/unemployment-rate")
                .then().statusCode(200)
                .body("language", equalTo("pl"))
                .body("frequency", equalTo("A"))
                .body("unit.decimals", equalTo(1))
                .body("licence", equalTo("CC-BY-4.0"))
                .body("demonstration", equalTo(true))
                .body("release.id", greaterThanOrEqualTo(1))
                .body("dimensions.id", equalTo(List.of("geo", "sex", "age")))
                .body("dimensions.find { it.id == 'sex' }.codes.find { it.id == 'F' }.label", equalTo("Kobiety"))
                .body("dimensions.find { it.id == 'geo' }.codes.id", hasItems("FI1B", "PL91", "XK"));
    }

    @Test
    void labelsFallBackToEnglishWhenALanguageIsMissing() {
        // Dataset descriptions are translated only in part; the Swedish methodology falls back to English.
        String english = TestServer.given().get("/v1/datasets/vet-enrolment").then().statusCode(200).extract().path("methodology");
        TestServer.given().queryParam("lang", "sv").get("/v1/datasets/vet-enrolment")
                .then().statusCode(200)
                .body("methodology", equalTo(english));
    }

    @Test
    void unsupportedLanguageIsABadRequest() {
        TestServer.given().queryParam("lang", "xx").get("/v1/datasets/vet-enrolment")
                .then().statusCode(400)
                .body("detail", containsString("en, sq"));
    }

    @Test
    void unknownDatasetIsA404Problem() {
        TestServer.given().get("/v1/datasets/no-such-dataset")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-dataset"));
    }

    @Test
    void codelistShowsHierarchyAndLabels() {
        TestServer.given().queryParam("lang", "fi").get("/v1/codelists/GEO")
                .then().statusCode(200)
                .body("codes.find { it.id == 'FI1B1' }.parent", equalTo("FI1B"))
                .body("codes.find { it.id == 'FI_091' }.level", equalTo("municipality"))
                .body("codes.find { it.id == 'FI_091' }.parent", equalTo("FI1B1"))
                .body("codes.find { it.id == 'FI' }.label", equalTo("Suomi"))
                .body("levels", hasItems("country", "region", "district", "municipality"));
    }

    @Test
    void unknownCodelistIsA404NamingTheKnownOnes() {
        TestServer.given().get("/v1/codelists/NOPE")
                .then().statusCode(404)
                .body("detail", containsString("GEO"));
    }

    @Test
    void unknownPathIsA404Problem() {
        TestServer.given().get("/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDefinedButUnpublishedDatasetIsListedWithoutReleaseAndStillMatchesTheContract() throws Exception {
        TestServer.get();
        TestServer.loader().define(TestServer.file("t-unpublished.json", """
                {"id": "t-unpublished", "title": {"en": "Not yet published"}, "theme": "skills-demand", "frequency": "A",
                 "unit": {"id": "PERS"}, "source": "test", "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}]}
                """));
        TestServer.given().queryParam("theme", "skills-demand").get("/v1/datasets")
                .then().statusCode(200)
                .body("datasets.find { it.id == 't-unpublished' }.title", equalTo("Not yet published"))
                .body("datasets.find { it.id == 't-unpublished' }.timeCoverage", org.hamcrest.Matchers.nullValue());
        TestServer.given().get("/v1/datasets/t-unpublished").then().statusCode(200);
        TestServer.given().get("/v1/datasets/t-unpublished/observations").then().statusCode(404)
                .body("type", containsString("no-release"));
    }
}
