package org.lmobservatory.portal;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dataset page and the area page as a reader gets them, parsed as HTML: a default selection with real numbers,
 * confidential and missing cells in words, a selection made by the address, downloads of exactly that selection, and
 * Helsinki's page listing what has numbers for it.
 */
class DatasetAndAreaPagesTest {
    /** A dataset of this test's own, so its numbers and its one confidential cell are known here. */
    private static final String DATASET = "portal-page-test";

    @BeforeAll
    static void publishOwnDataset() throws Exception {
        var definition = TestServer.file(DATASET + ".json", """
                {"id": "portal-page-test", "title": {"en": "Portal page test", "fi": "Portaalisivun testi"},
                 "description": {"en": "Persons in a test, by area and sex: the portal's dataset page test data."},
                 "theme": "labour-market", "frequency": "A", "unit": {"id": "PERS", "decimals": 1}, "source": "Test source",
                 "licence": "CC-BY-4.0", "methodology": {"en": "Counted by hand."},
                 "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo", "label": {"en": "Area", "fi": "Alue"}},
                                {"id": "sex", "codelist": "SEX", "label": {"en": "Sex", "fi": "Sukupuoli"}}]}
                """);
        var data = TestServer.file(DATASET + ".csv", """
                geo,sex,time,value,flag
                FI_091,T,2023,1234.5,
                FI_091,F,2023,600.2,
                FI_091,M,2023,634.3,
                FI_091,T,2024,1300.0,p
                FI_091,F,2024,,c
                FI_091,M,2024,,m
                FI_049,T,2023,300.0,
                FI_049,T,2024,310.5,e
                """);
        TestServer.publish(DATASET, definition, data);
    }

    private static RequestSpecification html() {
        return RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").urlEncodingEnabled(false);
    }

    private static Document page(String path) {
        Response r = html().get(path).then().statusCode(200).contentType(startsWith("text/html")).extract().response();
        return Jsoup.parse(r.asString(), TestServer.baseUrl());
    }

    private static Elements cells(Document page) {
        return page.select("main table tbody td");
    }

    @Test
    void defaultSelectionShowsRealNumbersOfTheLatestPeriodsAndTheFirstAreasWithValues() {
        Document page = page("/en/datasets/" + DATASET);
        assertEquals(1, page.select("h1").size());
        assertEquals("Portal page test", page.selectFirst("h1").text());
        // The default: the first code of sex (Total), both areas, which have a Total value in 2024.
        assertEquals(List.of("Espoo (Finland)", "Helsinki (Finland)"), page.select("main table tbody th[scope=row]").eachText());
        assertEquals(List.of("2023", "2024"), page.select("main table thead th.num").eachText());
        assertTrue(page.selectFirst(".fixed").text().contains("Sex: Total"), page.selectFirst(".fixed").text());
        List<String> values = cells(page).eachText();
        assertTrue(values.contains("1,234.5") && values.contains("1,300.0 p"), values.toString());
        assertTrue(page.select("input[name=sex][value=T]").hasAttr("checked"));
        assertFalse(page.select("input[name=sex][value=F]").hasAttr("checked"));
        // The flags that occur are explained; facts of the dataset are there.
        assertTrue(page.select("dl.legend").text().contains("provisional") && page.select("dl.legend").text().contains("estimated"),
                page.select("dl.legend").text());
        assertTrue(page.select("dl.facts").text().contains("Test source") && page.select("dl.facts").text().contains("CC-BY-4.0"));
        assertTrue(page.text().contains("Counted by hand."), "methodology");
        assertTrue(page.selectFirst("p.cite").text().contains("release="), "the citation pins the release");
    }

    @Test
    void seedDatasetsDefaultToRealNumbersWrittenInThePageLanguage() {
        for (String id : List.of("unemployment-rate", "registered-unemployed", "cz-pno", "graduate-outcomes")) {
            Document page = page("/fi/datasets/" + id);
            List<String> numbers = cells(page).stream().filter(td -> td.hasClass("value")).map(Element::text).toList();
            assertFalse(numbers.isEmpty(), id + ": the default selection shows values");
            assertTrue(cells(page).size() <= DatasetPages.MAX_CELLS, id);
        }
        List<String> rates = cells(page("/fi/datasets/unemployment-rate")).stream().filter(td -> td.hasClass("value")).map(Element::text).toList();
        assertTrue(rates.stream().anyMatch(v -> v.matches("\\d+,\\d.*")), "decimal comma in Finnish: " + rates);
    }

    @Test
    void aDatasetOfRatingsGetsItsGridChartEveryOtherOneItsLineChart() {
        for (String id : List.of("occupational-barometer", "unemployment-rate")) {
            Element img = page("/sv/datasets/" + id).selectFirst("img.chart");
            assertNotNull(img, id + ": a chart on the page");
            String svg = RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false).get(img.attr("src"))
                    .then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
            String kind = id.equals("occupational-barometer") ? "lmo-chart-category-grid" : "lmo-chart-line";
            assertTrue(svg.contains("class=\"lmo-chart " + kind + "\""), id + " drawn as " + kind + ": " + svg.substring(0, Math.min(300, svg.length())));
        }
    }

    @Test
    void inALongCodeListTheTickedCodesComeFirst() {
        List<String> all = page("/en/datasets/cz-pno").select("input[name=geo]").eachAttr("value");
        assertTrue(all.size() > 8, "the Liberec region's municipalities make a long list: " + all.size());
        String last = all.get(all.size() - 1);
        Document page = page("/en/datasets/cz-pno?geo=" + last);
        Elements boxes = page.select("input[name=geo]");
        assertEquals(last, boxes.get(0).attr("value"), "the ticked code is on top, not " + all.size() + " lines down");
        assertTrue(boxes.get(0).hasAttr("checked"));
        List<String> rest = new java.util.ArrayList<>(all);
        rest.remove(last);
        assertEquals(rest, boxes.eachAttr("value").subList(1, boxes.size()), "the others keep their code-list order");
    }

    @Test
    void aConfidentialCellReadsConfidentialAndAMissingOneNotAvailable() {
        Document page = page("/en/datasets/" + DATASET + "?geo=FI_091&sex=F,M&from=2024&to=2024");
        Element f = page.selectFirst("td.c");
        assertNotNull(f, page.select("table").outerHtml());
        assertEquals("confidential (c)", f.text());
        assertEquals("not available (m)", page.selectFirst("td.m").text());
        assertFalse(page.select("main table").text().toLowerCase().contains("no data"));
        assertTrue(page.select("dl.legend").text().contains("suppressed to protect small groups"), page.select("dl.legend").text());
        Document fi = page("/fi/datasets/" + DATASET + "?geo=FI_091&sex=F&from=2024&to=2024");
        assertEquals("luottamuksellinen (c)", fi.selectFirst("td.c").text());
    }

    @Test
    void theSelectionInTheAddressChangesTheTableAndThePivot() {
        Document byTime = page("/en/datasets/" + DATASET + "?geo=FI_091&sex=T&sex=F&sex=M&from=2023&to=2024");
        assertEquals(List.of("Total", "Females", "Males"), byTime.select("main table tbody th[scope=row]").eachText());
        assertEquals(List.of("2023", "2024"), byTime.select("main table thead th.num").eachText());
        assertEquals(List.of("1,234.5", "1,300.0 p", "600.2", "confidential (c)", "634.3", "not available (m)"), cells(byTime).eachText());
        assertTrue(byTime.select("input[name=sex][checked]").size() == 3);

        Document bySex = page("/en/datasets/" + DATASET + "?geo=FI_091&sex=T,F,M&from=2023&to=2023&columns=sex");
        assertEquals(List.of("Total", "Females", "Males"), bySex.select("main table thead th.num").eachText());
        assertEquals(List.of("1,234.5", "600.2", "634.3"), cells(bySex).eachText());
        // The language switch keeps the selection.
        assertEquals("/fi/datasets/" + DATASET + "?geo=FI_091&sex=T&sex=F&sex=M&from=2023&to=2023&columns=sex",
                bySex.selectFirst("nav.langs a[hreflang=fi]").attr("href"));
        // A wrong code is the API's 400 with a suggestion, not an empty page.
        html().get("/en/datasets/" + DATASET + "?geo=FI_09X").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        html().get("/en/datasets/" + DATASET + "?geo=FI_091&from=1999").then().statusCode(400);
        html().get("/en/datasets/no-such-dataset").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void everyDownloadLinkGivesExactlyTheCellsOfTheTable() {
        Document page = page("/en/datasets/" + DATASET + "?geo=FI_091,FI_049&sex=T&from=2023&to=2024");
        int shown = cells(page).size();
        int withRows = (int) cells(page).stream().filter(td -> !td.hasClass("absent")).count();
        assertEquals(4, shown);
        Map<String, String> links = new java.util.LinkedHashMap<>();
        page.select("ul.downloads a").forEach(a -> links.put(a.attr("href").replaceAll(".*format=([a-z-]+).*", "$1"), a.attr("href")));
        assertEquals(List.of("csv", "xlsx", "jsonstat", "json", "sdmx-csv"), List.copyOf(links.keySet()));
        for (String href : links.values()) {
            assertTrue(href.startsWith("/v1/datasets/" + DATASET + "/observations?") && href.contains("geo=FI_091,FI_049")
                    && href.contains("sex=T") && href.contains("time=2023..2024"), href);
        }
        String csv = TestServer.given().urlEncodingEnabled(false).get(links.get("csv")).then().statusCode(200).extract().asString();
        assertEquals(withRows, SeedFile.parseCsv(csv).size() - 1);
        String sdmx = TestServer.given().urlEncodingEnabled(false).get(links.get("sdmx-csv")).then().statusCode(200).extract().asString();
        assertEquals(withRows, SeedFile.parseCsv(sdmx).size() - 1);
        List<?> json = TestServer.given().urlEncodingEnabled(false).get(links.get("json")).then().statusCode(200)
                .extract().jsonPath().getList("observations");
        assertEquals(withRows, json.size());
        List<Integer> size = TestServer.given().urlEncodingEnabled(false).get(links.get("jsonstat")).then().statusCode(200)
                .extract().jsonPath().getList("size", Integer.class);
        assertEquals(shown, size.stream().reduce(1, (a, b) -> a * b));
        TestServer.given().urlEncodingEnabled(false).get(links.get("xlsx")).then().statusCode(200)
                .contentType(containsString("spreadsheetml"));
        // The chart draws the same selection.
        String chart = page.selectFirst("img.chart").attr("src");
        assertTrue(chart.contains("geo=FI_091,FI_049") && chart.contains("time=2023..2024"), chart);
        RestAssured.given().baseUri(TestServer.baseUrl()).accept("image/svg+xml").urlEncodingEnabled(false).get(chart).then().statusCode(200).contentType(startsWith("image/svg+xml"));
    }

    @Test
    void theEmbedLinkOpensTheBuilderPrefilledAndTheBuilderChecksWhatItIsGiven() {
        Document page = page("/fi/datasets/" + DATASET + "?geo=FI_091&sex=F&from=2023&to=2024");
        String embed = page.select("a").stream().filter(a -> a.attr("href").startsWith("/widgets?")).findFirst().orElseThrow().attr("href");
        assertEquals("/widgets?dataset=" + DATASET + "&geo=FI_091&sex=F&lang=fi", embed);
        html().get(embed).then().statusCode(200).contentType(startsWith("text/html"));
        html().get("/widgets?dataset=" + DATASET + "&geo=FI_09X").then().statusCode(400).contentType(startsWith("application/problem+json"));
        html().get("/widgets?dataset=" + DATASET + "&colour=red").then().statusCode(400);
        html().get("/widgets?dataset=no-such-dataset").then().statusCode(404);
        html().get("/widgets?dataset=" + DATASET + "&lang=de").then().statusCode(400);
        html().get("/widgets").then().statusCode(200);
    }

    @Test
    void theDatasetPageDescribesItselfForDatasetSearchEngines() throws Exception {
        Document page = page("/en/datasets/" + DATASET);
        Element script = page.selectFirst("script[type=application/ld+json]");
        assertNotNull(script);
        Map<?, ?> ld = Json.MAPPER.readValue(script.data(), Map.class);
        assertEquals("Dataset", ld.get("@type"));
        assertEquals("Portal page test", ld.get("name"));
        assertEquals("https://spdx.org/licenses/CC-BY-4.0.html", ld.get("license"));
        assertEquals("2023/2024", ld.get("temporalCoverage"));
        assertEquals("Test source", ((Map<?, ?>) ld.get("creator")).get("name"));
        assertNotNull(ld.get("dateModified"));
        assertEquals(5, ((List<?>) ld.get("distribution")).size());
        assertTrue(ld.get("spatialCoverage").toString().contains("Helsinki"), ld.get("spatialCoverage").toString());
    }

    @Test
    void theDatasetPageIsCachedUntilANewReleaseAndStaysSmall() {
        Response first = html().get("/en/datasets/" + DATASET).then().statusCode(200).extract().response();
        String etag = first.header("ETag");
        html().header("If-None-Match", etag).get("/en/datasets/" + DATASET).then().statusCode(304);
        html().header("If-None-Match", etag).get("/en/datasets/" + DATASET + "?sex=F").then().statusCode(200);
        assertTrue(first.header("Content-Security-Policy").contains("script-src 'sha256-"), first.header("Content-Security-Policy"));
        // The budget is for the page with its style and script, before data: the default table is its data.
        Document page = Jsoup.parse(first.asString());
        page.select("main table").remove();
        int bytes = page.outerHtml().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes < 50_000, bytes + " bytes");
    }

    @Test
    void helsinkisAreaPageListsEveryDatasetWithNumbersForItAndLinksToItsTable() {
        Document page = page("/fi/areas/FI_091");
        assertEquals(1, page.select("h1").size());
        assertTrue(page.selectFirst("h1").text().startsWith("Helsinki"), page.selectFirst("h1").text());
        Elements items = page.select("main li.dataset");
        List<String> titles = items.select("h2").eachText();
        assertTrue(titles.contains("Portaalisivun testi"), titles.toString());
        String registered = TestServer.given().queryParam("lang", "fi").get("/v1/datasets/registered-unemployed").then()
                .statusCode(200).extract().jsonPath().getString("title");
        assertTrue(titles.contains(registered), titles.toString());
        Element own = items.stream().filter(li -> li.selectFirst("h2").text().equals("Portaalisivun testi")).findFirst().orElseThrow();
        assertTrue(own.text().contains("2024"), own.text());
        String latest = own.selectFirst("dd.latest").text().replace('\u00a0', ' ').replace('\u202f', ' ');
        assertTrue(latest.startsWith("1 300,0") && latest.endsWith("(p: ennakkotieto)"), latest);
        String table = own.selectFirst("h2 a").attr("href");
        assertTrue(table.startsWith("/fi/datasets/" + DATASET + "?geo=FI_091&sex=T"), table);
        // Every listed dataset has a value (or says why not) for Helsinki.
        for (Element li : items) assertFalse(li.select("dd.latest").isEmpty(), li.text());
        // "Part of" names an area above Helsinki in GEO (FI1B1 in the seed; other tests load GEO versions of their own).
        List<java.util.Map<String, String>> codes = TestServer.given().get("/v1/codelists/GEO").then().statusCode(200).extract().jsonPath().getList("codes");
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        codes.forEach(c -> parents.put(c.get("id"), c.get("parent")));
        java.util.Set<String> above = new java.util.HashSet<>();
        for (String p = parents.get("FI_091"); p != null && above.add(p); p = parents.get(p)) { }
        Element partOfLink = page.selectFirst("main a[href^=/fi/areas/]");
        String partOf = partOfLink.attr("href");
        assertTrue(partOf.startsWith("/fi/areas/") && above.contains(partOf.substring("/fi/areas/".length())), partOf + " not above FI_091: " + above);
        // ... and says what kind of area it is, in Finnish: "Uusimaa (maakunta)".
        assertTrue(partOfLink.text().matches(".+ \\((maa|suuralue|alue|maakunta|kunta)\\)"), partOfLink.text());
        html().get("/fi/areas/NOWHERE").then().statusCode(404).contentType(startsWith("application/problem+json"));
        html().get("/fi/areas/FI_091?x=1").then().statusCode(400);
        html().get("/en/areas/FI_091").then().statusCode(200).header("Content-Language", equalTo("en"));
    }
}
