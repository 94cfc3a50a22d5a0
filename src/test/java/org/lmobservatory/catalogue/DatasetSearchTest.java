package org.lmobservatory.catalogue;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Search as people type it (issue 13): inflected words in languages without a stemmer, place names, occupations and
 * fields of education that only the codes of a dataset name, best match first. Against the seed catalogue.
 */
class DatasetSearchTest {

    private static List<String> found(String q, String lang) {
        return TestServer.given().queryParam("q", q).queryParam("lang", lang).get("/v1/datasets")
                .then().statusCode(200).extract().jsonPath().getList("datasets.id", String.class);
    }

    @Test
    void polishInflectedFormFindsTheTitleWithAnotherEnding() {
        // The titles say "Stopa bezrobocia" and "Zarejestrowani bezrobotni"; Polish has no stemmer in PostgreSQL.
        TestServer.given().queryParam("q", "bezrobocie").queryParam("lang", "pl").get("/v1/datasets")
                .then().statusCode(200)
                .body("datasets[0].id", equalTo("unemployment-rate"))
                .body("datasets[0].title", containsString("bezrobocia"))
                .body("datasets.id", hasItem("registered-unemployed"))
                .body("datasets.id", not(hasItem("vet-enrolment")));
    }

    @Test
    void finnishPluralFindsTheRegisteredUnemployedFirstAndTheRateToo() {
        List<String> ids = found("työttömät", "fi");
        assertEquals("registered-unemployed", ids.get(0), ids.toString());
        org.hamcrest.MatcherAssert.assertThat(ids, hasItem("unemployment-rate"));
        org.hamcrest.MatcherAssert.assertThat(ids, not(hasItem("job-vacancies")));
    }

    @Test
    void czechNominativeFindsTheGenitiveInTheTitle() {
        // "Míra nezaměstnanosti" is nearer than "Registrovaní nezaměstnaní": ranked so.
        List<String> ids = found("nezaměstnanost", "cs");
        assertEquals(List.of("unemployment-rate", "registered-unemployed"), ids.subList(0, 2), ids.toString());
    }

    @Test
    void aCityFindsTheDatasetsWithDataForItTheCityItselfFirst() {
        // registered-unemployed and graduate-outcomes have the municipality Helsinki; the others only the region
        // Helsinki-Uusimaa, a weaker match, so they come after.
        // Other tests in the same server define datasets of their own over the same municipalities: only the seed's are ranked here.
        java.util.Set<String> seed = java.util.Set.of("graduate-outcomes", "registered-unemployed", "unemployment-rate", "vet-enrolment", "job-vacancies");
        List<String> ids = found("Helsinki", "en").stream().filter(seed::contains).toList();
        assertEquals(java.util.Set.of("graduate-outcomes", "registered-unemployed"), java.util.Set.copyOf(ids.subList(0, 2)), ids.toString());
        assertEquals(java.util.Set.of("unemployment-rate", "vet-enrolment", "job-vacancies"), java.util.Set.copyOf(ids.subList(2, ids.size())), ids.toString());
    }

    @Test
    void plovdivFindsTheMunicipalDataset() {
        org.hamcrest.MatcherAssert.assertThat(found("Plovdiv", "bg"), hasItem("registered-unemployed"));
        org.hamcrest.MatcherAssert.assertThat(found("Пловдив", "bg"), hasItem("registered-unemployed"));
    }

    @Test
    void anOccupationFindsTheDatasetByOccupation() {
        // ISCO-08 major group 6 in Polish: "Rolnicy, ogrodnicy, leśnicy i rybacy"; only job vacancies are by occupation
        // (the field of education "Rolnictwo, leśnictwo, …" is similar enough to be found too, after it).
        assertEquals("job-vacancies", found("rolnicy", "pl").get(0));
        assertEquals("job-vacancies", found("Clerical support", "en").get(0));
    }

    @Test
    void aFieldOfEducationFindsTheDatasetsByField() {
        // ISCED-F 02 in Czech: "Umění a humanitní vědy", in both datasets by field. (Not "zemědělství": the occupation
        // "Kvalifikovaní pracovníci v zemědělství, …" rightly finds job vacancies too.)
        List<String> ids = found("humanitní", "cs");
        org.hamcrest.MatcherAssert.assertThat(ids, hasItems("vet-enrolment", "graduate-outcomes"));
        org.hamcrest.MatcherAssert.assertThat(ids, not(hasItem("job-vacancies")));
        org.hamcrest.MatcherAssert.assertThat(ids, not(hasItem("unemployment-rate")));
    }

    @Test
    void everyWordMustMatchSomewhere() {
        // Unemployment in Helsinki: the two unemployment datasets have Helsinki or its region; vacancies are not unemployment.
        List<String> ids = found("unemployment Helsinki", "en");
        org.hamcrest.MatcherAssert.assertThat(ids, hasItems("registered-unemployed", "unemployment-rate"));
        org.hamcrest.MatcherAssert.assertThat(ids, not(hasItem("job-vacancies")));
    }

    @Test
    void nonsenseFindsNothing() {
        TestServer.given().queryParam("q", "qxzvbw").get("/v1/datasets")
                .then().statusCode(200)
                .body("count", equalTo(0));
        assertEquals(List.of(), found("x", "en"), "a one-letter query is no search for everything");
    }

    @Test
    void themeAndTextTogether() {
        // The theme narrows the text search and nothing else: every labour-market match of the text, only those.
        List<String> themed = TestServer.given().queryParam("q", "bezrobocie").queryParam("theme", "labour-market").get("/v1/datasets")
                .then().statusCode(200).extract().jsonPath().getList("datasets.id", String.class);
        org.hamcrest.MatcherAssert.assertThat(themed, hasItems("unemployment-rate", "registered-unemployed"));
        List<String> labourMarket = TestServer.given().queryParam("theme", "labour-market").get("/v1/datasets")
                .then().statusCode(200).extract().jsonPath().getList("datasets.id", String.class);
        List<String> expected = found("bezrobocie", "pl").stream().filter(labourMarket::contains).sorted().toList();
        assertEquals(expected, themed.stream().sorted().toList());
    }
}
