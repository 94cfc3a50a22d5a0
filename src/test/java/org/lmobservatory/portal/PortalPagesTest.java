package org.lmobservatory.portal;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's pages as a browser gets them: language choice, what they link to, escaping, caching, size. */
class PortalPagesTest {

    private static io.restassured.specification.RequestSpecification html() {
        return RestAssured.given().baseUri(TestServer.baseUrl()).accept("text/html").redirects().follow(false);
    }

    @Test
    void rootSendsEachReaderToTheirLanguage() {
        html().header("Accept-Language", "pl-PL,pl;q=0.9,en;q=0.5").get("/")
                .then().statusCode(302)
                .header("Location", equalTo("/pl/"))
                .header("Vary", containsString("Accept-Language"));
        html().header("Accept-Language", "de-DE, sv;q=0.8, en;q=0.7").get("/")
                .then().statusCode(302).header("Location", equalTo("/sv/"));
        html().header("Accept-Language", "bg").get("/").then().statusCode(302).header("Location", equalTo("/bg/"));
        html().header("Accept-Language", "ja, zh;q=0.5").get("/").then().statusCode(302).header("Location", equalTo("/en/"));
        html().get("/").then().statusCode(302).header("Location", equalTo("/en/"));
        html().header("Accept-Language", ";;;q=x").get("/").then().statusCode(302).header("Location", equalTo("/en/"));
    }

    @Test
    void frontPageSaysWhatThisIsAndLinksToEverythingInItsLanguage() {
        Response page = html().get("/fi/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Language", "fi")
                .header("ETag", startsWith("\"r"))
                .extract().response();
        String body = page.asString();
        assertTrue(body.contains("<html lang=\"fi\">"), body);
        assertEquals(1, count(body, "<h1"), "one h1");
        assertEquals(1, count(body, "<main"), "one main");
        assertTrue(body.contains("<header") && body.contains("<footer") && body.contains("<nav"), "landmarks");
        assertTrue(body.contains("Työmarkkinaseuranta"), "the name in Finnish");
        assertTrue(body.contains("href=\"/docs\""), "API docs");
        assertTrue(body.contains("href=\"/widgets\""), "embed builder");
        assertTrue(body.contains("href=\"/openapi.json\""), "OpenAPI");
        assertTrue(body.contains("action=\"/fi/datasets\"") && body.contains("method=\"get\""), "a search form to the catalogue");
        assertTrue(body.contains("href=\"/fi/datasets?theme=labour-market\""), "themes");
        // Which datasets are the most recent depends on what other tests published; each listed title is in Finnish.
        List<String> finnishTitles = TestServer.given().queryParam("lang", "fi").get("/v1/datasets")
                .then().statusCode(200).extract().jsonPath().getList("datasets.title", String.class);
        long listed = finnishTitles.stream().filter(t -> body.contains(t.replace("&", "&amp;").replace("\"", "&#34;").replace("'", "&#39;"))).count();
        assertTrue(listed >= Math.min(5, finnishTitles.size()), "recently updated datasets with Finnish titles: " + listed);
        for (String lang : PortalTexts.LANGUAGES) {
            assertTrue(body.contains("href=\"/" + lang + "/\" hreflang=\"" + lang + "\""), "language switch to " + lang);
        }
        assertTrue(body.contains("aria-current=\"page\">Suomi<"), "the current language is marked");
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        System.out.println("[portal] /fi/ is " + bytes + " bytes of HTML with its CSS");
        assertTrue(bytes < 50_000, "under 50 KB with its style: " + bytes);
    }

    @Test
    void everyLanguageHasItsFrontPage() {
        for (String lang : PortalTexts.LANGUAGES) {
            html().get("/" + lang + "/").then().statusCode(200)
                    .header("Content-Language", lang)
                    .body(containsString("<html lang=\"" + lang + "\">"));
        }
        html().get("/de/").then().statusCode(404);
    }

    @Test
    void pagesAreCachedUntilTheNextRelease() {
        String etag = html().get("/bg/").then().statusCode(200).extract().header("ETag");
        html().header("If-None-Match", etag).get("/bg/").then().statusCode(304);
        String other = html().get("/pl/").then().statusCode(200).extract().header("ETag");
        assertTrue(!etag.equals(other), "each language its own tag");
    }

    @Test
    void catalogueSearchListsWhatItFindsBestFirstWithLinks() {
        String body = html().queryParam("q", "bezrobocie").get("/pl/datasets")
                .then().statusCode(200)
                .header("Content-Language", "pl")
                .body(containsString("value=\"bezrobocie\""))
                .extract().asString();
        int rate = body.indexOf("Stopa bezrobocia");
        int registered = body.indexOf("Zarejestrowani bezrobotni");
        assertTrue(rate > 0 && registered > rate, "both found, the better match first");
        assertTrue(body.contains("href=\"/v1/datasets/unemployment-rate?lang=pl\""), "to the metadata");
        assertTrue(body.contains("href=\"/v1/datasets/unemployment-rate/observations?format=csv&amp;lang=pl\""), "to the data");
        assertTrue(body.contains("href=\"/v1/datasets/unemployment-rate/download\""), "to the bulk download");
        assertTrue(!body.contains("Wolne miejsca pracy"), "not what does not match");
        assertTrue(body.contains("href=\"/en/datasets?q=bezrobocie\""), "the language switch keeps the search");
        assertEquals(1, count(body, "<h1"));
    }

    @Test
    void catalogueFiltersByThemeAndSaysWhenNothingMatches() {
        String body = html().queryParam("theme", "education").get("/en/datasets").then().statusCode(200).extract().asString();
        assertTrue(body.contains("Students enrolled"));
        assertTrue(!body.contains("Job vacancies by region"));
        assertTrue(body.contains("<option value=\"education\" selected>"), "the chosen theme stays chosen");
        html().queryParam("q", "qxzvbw").get("/cs/datasets").then().statusCode(200)
                .body(containsString("Hledání neodpovídá žádná datová sada"));
    }

    @Test
    void whatTheReaderTypedIsEscaped() {
        String body = html().queryParam("q", "<script>alert(1)</script>\" onfocus=\"x").get("/en/datasets")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(not(containsString("<script>")))
                .extract().asString();
        assertTrue(body.contains("&lt;script&gt;"), "shown as text");
        // In text a quote is harmless; in the search box's value it must not end the attribute.
        assertTrue(!Pattern.compile("<[^>]*\\sonfocus\\s*=\\s*\"").matcher(body).find(), "no attribute injected: " + body);
        assertTrue(body.contains("name=\"q\""), body);
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
