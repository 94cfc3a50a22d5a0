package org.lmobservatory.widgets;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The indicator widget over HTTP: its numbers against the API, its languages, size, headers, caching and oEmbed. */
class IndicatorWidgetTest {
    private static final String WIDGET = "/widgets/indicator?dataset=" + WidgetFixture.DATASET;
    private static final Pattern DATA = Pattern.compile("<data(?: class=\"lmo-number\")? value=\"([^\"]+)\">([^<]+)</data>");

    @BeforeAll
    static void data() throws Exception {
        WidgetFixture.publish();
    }

    @Test
    void headlineChangeAndComparisonsEqualTheApi() {
        String html = page(WIDGET + "&geo=FI_091&compare=region,country&age=Y15-24&lang=en").asString();
        Map<String, BigDecimal> api = latestByGeo("geo=FI_091,FI1B,FI&age=Y15-24&time=2025");
        List<String[]> values = dataValues(html);
        assertEquals(3, values.size(), "headline, region, country");
        assertEquals(api.get("FI_091"), new BigDecimal(values.get(0)[0]));
        assertEquals(api.get("FI_091").toPlainString(), values.get(0)[1], "shown as written in English");
        assertEquals(api.get("FI1B"), new BigDecimal(values.get(1)[0]), "region Helsinki-Uusimaa");
        assertEquals(api.get("FI"), new BigDecimal(values.get(2)[0]), "country Finland");
        BigDecimal previous = latestByGeo("geo=FI_091&age=Y15-24&time=2024").get("FI_091");
        String change = api.get("FI_091").subtract(previous).toPlainString();
        assertTrue(html.contains("Change since 2024: <strong>" + (change.startsWith("-") ? change : "+" + change) + "</strong> percentage points"),
                "change since the previous period " + change);
        String difference = api.get("FI_091").subtract(api.get("FI1B")).toPlainString();
        assertTrue(html.contains("difference: " + (difference.startsWith("-") ? difference : "+" + difference)), "difference to the region");
        assertTrue(html.contains("Helsinki-Uusimaa <span class=\"lmo-level\">(region)</span>"));
        assertTrue(html.contains("p = provisional") && html.contains("m = missing"), "flags explained");
        assertTrue(html.contains("<table>") && html.contains("<th scope=\"col\">Helsinki</th>"), "the same numbers as a table");
        assertTrue(html.contains("format=csv") && html.contains("download>Download CSV</a>"), "CSV download");
        assertTrue(html.contains("class=\"lmo-sparkline\" role=\"img\""), "sparkline");
    }

    @Test
    void areasWithoutDataForTheirRegionOrCountryLeaveThemOutWithANote() {
        String html = page(WIDGET + "&geo=" + WidgetFixture.WITHOUT_ANCESTORS + "&compare=region,country").asString();
        assertEquals(1, dataValues(html).size(), "only the headline");
        assertTrue(html.contains("No region to compare with."), html);
        assertTrue(html.contains("No data for Kosovo* in this dataset."));
    }

    @Test
    void everyWidgetLanguageHasItsOwnWordsAndNumberFormat() {
        Map<String, Map<String, String>> texts = WidgetTexts.all();
        for (Map.Entry<String, Map<String, String>> e : texts.entrySet()) {
            for (String lang : WidgetTexts.LANGUAGES) {
                String text = e.getValue().get(lang);
                assertTrue(text != null && !text.isBlank(), "texts.json: " + e.getKey() + " in " + lang);
            }
        }
        BigDecimal latest = latestByGeo("geo=FI_091&age=Y15-74&time=2025").get("FI_091");
        for (String lang : WidgetTexts.LANGUAGES) {
            String html = page(WIDGET + "&geo=FI_091&lang=" + lang).asString();
            assertTrue(html.contains("<html lang=\"" + lang + "\">"), lang);
            assertTrue(html.contains(">" + texts.get("showTable").get(lang) + "</button>"), lang + ": table toggle translated");
            assertTrue(html.contains(texts.get("openData").get(lang)), lang + ": open data link translated");
            String shown = dataValues(html).get(0)[1];
            String expected = lang.equals("en") ? latest.toPlainString() : latest.toPlainString().replace('.', ',');
            assertEquals(expected, shown, lang + ": decimal " + (lang.equals("en") ? "point" : "comma"));
        }
    }

    @Test
    void aSuppressedLatestValueReadsAsConfidentialAndTheComparisonsStillShow() {
        String html = page(WIDGET + "&geo=" + WidgetFixture.SUPPRESSED_AREA + "&compare=country&age=Y15-24&lang=en").asString();
        String headline = between(html, "<div class=\"lmo-headline\">", "</div>");
        assertTrue(headline.contains("· 2025</span>"), "the headline stands at the suppressed period, not an older value: " + headline);
        assertTrue(headline.contains("Confidential: suppressed to protect small groups"), headline);
        assertFalse(headline.contains("<data"), "no number in the headline");
        assertFalse(html.contains("No observations match"), "not read as no data");
        List<String[]> values = dataValues(html);
        assertEquals(1, values.size(), "the country's value: " + html);
        assertEquals(latestByGeo("geo=FI&age=Y15-24&time=2025").get("FI"), new BigDecimal(values.get(0)[0]), "country in 2025");
        assertFalse(html.contains("difference:"), "no difference to a withheld value");
        String fi = page(WIDGET + "&geo=" + WidgetFixture.SUPPRESSED_AREA + "&compare=country&age=Y15-24&lang=fi").asString();
        assertTrue(fi.contains("Luottamuksellinen: salattu pienten ryhmien suojaamiseksi"), "in the reader's language");
    }

    @Test
    void aMissingLatestValueReadsAsNotAvailable() throws Exception {
        String id = "widget-missing-latest";
        String data = WidgetFixture.data().replaceFirst("(?m)^FI_091,Y15-24,2025,[^,]*,p$", "FI_091,Y15-24,2025,,m");
        assertNotEquals(WidgetFixture.data(), data, "the fixture row was replaced");
        WidgetFixture.publishCopy(id, data);
        String html = page("/widgets/indicator?dataset=" + id + "&geo=FI_091&compare=region&age=Y15-24&lang=en").asString();
        String headline = between(html, "<div class=\"lmo-headline\">", "</div>");
        assertTrue(headline.contains("· 2025</span>") && headline.contains("Missing: not available"), headline);
        assertEquals(1, dataValues(html).size(), "the region still shows");
    }

    @Test
    void theCsvDownloadOpensAsNumbersInTheReadersSpreadsheet() {
        BigDecimal latest = latestByGeo("geo=FI_091&age=Y15-74&time=2025").get("FI_091");
        for (String lang : WidgetTexts.LANGUAGES) {
            String html = page(WIDGET + "&geo=FI_091&age=Y15-74&lang=" + lang).asString();
            Matcher href = Pattern.compile("<a class=\"lmo-button\" href=\"([^\"]+)\" download>").matcher(html);
            assertTrue(href.find(), lang + ": CSV link");
            String url = href.group(1).replace("&amp;", "&");
            String path = url.substring(url.indexOf("/v1/"));
            byte[] bytes = TestServer.given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asByteArray();
            String csv = new String(bytes, StandardCharsets.UTF_8);
            boolean comma = !lang.equals("en");
            String value = comma ? latest.toPlainString().replace('.', ',') : latest.toPlainString();
            String separator = comma ? ";" : ",";
            String header = csv.lines().findFirst().orElseThrow();
            assertTrue(header.chars().filter(ch -> ch == separator.charAt(0)).count() >= 3, lang + ": separated by " + separator + ": " + header);
            assertEquals(comma, csv.startsWith("\uFEFF"), lang + ": byte order mark so Excel reads UTF-8");
            assertTrue(csv.lines().anyMatch(l -> l.contains("2025") && (l.contains(separator + value + separator) || l.endsWith(separator + value))),
                    lang + ": value " + value + " as the locale writes numbers: " + csv);
        }
    }

    @Test
    void countsAreWholeNumbersWithTheUnitWordInItsPluralForm() {
        for (String lang : List.of("cs", "pl", "en")) {
            String html = page("/widgets/indicator?dataset=registered-unemployed&geo=FI_091&lang=" + lang).asString();
            String[] headline = dataValues(html).get(0);
            long n = new BigDecimal(headline[0]).longValueExact();
            assertFalse(headline[1].contains(lang.equals("en") ? "." : ","), lang + ": a count has no decimals: " + headline[1]);
            String unit = between(html, "<span class=\"lmo-unit\">", "</span>");
            assertEquals(personsIn(lang, n), unit, lang + ": " + n);
        }
    }

    /** Written out from the grammars, independently of ICU: the words for a whole number of persons. */
    private static String personsIn(String lang, long n) {
        long ten = n % 10;
        long hundred = n % 100;
        boolean few = ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14);
        return switch (lang) {
            case "cs" -> n == 1 ? "osoba" : n >= 2 && n <= 4 ? "osoby" : "osob";
            case "pl" -> n == 1 ? "osoba" : few ? "osoby" : "osób";
            default -> n == 1 ? "person" : "persons";
        };
    }

    @Test
    void widgetPageAndEmbedScriptAreSmall() {
        int page = page(WIDGET + "&geo=FI_091&compare=region,country,FI1C,FI19&age=Y15-24&lastPeriods=10").asByteArray().length;
        int monthly = page("/widgets/indicator?dataset=registered-unemployed&geo=FI_091&compare=region,country&lastPeriods=36").asByteArray().length;
        int script = TestServer.given().get(WidgetRoutes.EMBED_JS).then().statusCode(200)
                .contentType(containsString("javascript")).extract().asByteArray().length;
        System.out.printf("widget page %d bytes, monthly widget page %d bytes, embed.js %d bytes%n", page, monthly, script);
        assertTrue(page < 30 * 1024, "widget page " + page + " bytes");
        assertTrue(monthly < 30 * 1024, "monthly widget page " + monthly + " bytes");
        assertTrue(script < 15 * 1024, "embed.js " + script + " bytes");
    }

    @Test
    void widgetPagesMayBeFramedAnywhereButRunOnlyTheirOwnInlineCode() throws Exception {
        Response r = page(WIDGET + "&geo=FI_091&accent=aa0000&theme=dark");
        String csp = r.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors *"), csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        String html = r.asString();
        assertTrue(csp.contains(hash(between(html, "<script>", "</script>"))), "script-src allows exactly the inline script");
        assertTrue(csp.contains(hash(between(html, "<style>", "</style>"))), "style-src allows exactly the inline style");
        assertFalse(html.contains(" style=\""), "no style attributes (they would need unsafe-inline)");
        assertFalse(Pattern.compile("(src|href)=\"https?://(?!localhost)").matcher(html).find(), "no third-party resources");
        assertNull(r.header("Set-Cookie"), "no cookies");
        assertTrue(r.header("Cache-Control").contains("public"));
        assertTrue(html.contains("--lmo-accent:#aa0000") && html.contains("data-theme=\"dark\""), "themed by query parameters");
    }

    @Test
    void theApiAndItsDocsKeepTheirDefaults() {
        for (String path : List.of("/v1/datasets", "/v1/datasets/unemployment-rate", "/docs", WidgetRoutes.BUILDER)) {
            String csp = TestServer.given().get(path).then().statusCode(200).extract().header("Content-Security-Policy");
            assertTrue(csp == null || !csp.contains("frame-ancestors *"), path + " must not be framable by any site: " + csp);
        }
    }

    @Test
    void etagFollowsTheDataRelease() throws Exception {
        String id = "widget-etag-release";
        WidgetFixture.publishCopy(id, WidgetFixture.data());
        String url = "/widgets/indicator?dataset=" + id + "&geo=FI_091&compare=region";
        Response first = page(url);
        String etag = first.header("ETag");
        assertNotNull(etag);
        TestServer.given().urlEncodingEnabled(false).header("If-None-Match", etag).get(url).then().statusCode(304);

        String revised = WidgetFixture.data().replaceFirst("(?m)^FI_091,Y15-74,2025,[0-9.]+,", "FI_091,Y15-74,2025,99.9,");
        assertNotEquals(WidgetFixture.data(), revised);
        long release = WidgetFixture.publishCopy(id, revised);
        Response second = TestServer.given().urlEncodingEnabled(false).header("If-None-Match", etag).get(url);
        second.then().statusCode(200);
        assertNotEquals(etag, second.header("ETag"));
        assertTrue(second.header("ETag").startsWith("\"r" + release + "-"), second.header("ETag"));
        assertEquals("99.9", dataValues(second.asString()).get(0)[0], "the new release's value");
    }

    @Test
    void aBadRequestIsStillAReadableEmbeddablePage() {
        Response r = TestServer.given().urlEncodingEnabled(false).get("/widgets/indicator?dataset=no-such-dataset&geo=FI");
        r.then().statusCode(404).contentType(containsString("text/html")).body(containsString("There is no dataset &#39;no-such-dataset&#39;"));
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors *"));
        TestServer.given().urlEncodingEnabled(false).get(WIDGET + "&geo=FI_091&accent=red").then().statusCode(400)
                .body(containsString("six hex digits"));
        TestServer.given().urlEncodingEnabled(false).get(WIDGET + "&geo=FI_091&colour=red").then().statusCode(400)
                .body(containsString("Unknown parameter colour"));
    }

    @Test
    void theScriptWidgetFetchesTheSameMarkupFromAnyOrigin() {
        Response r = TestServer.given().urlEncodingEnabled(false).header("Origin", "http://example.org")
                .get("/widgets/indicator/fragment?dataset=" + WidgetFixture.DATASET + "&geo=FI_091&compare=region,country&lang=pl");
        r.then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        String fragment = r.asString();
        assertTrue(fragment.startsWith("<style>") && fragment.contains("<article class=\"lmo\""));
        assertFalse(fragment.contains("<script"), "embed.js wires the behaviour; the fragment has no script");
        String page = page(WIDGET + "&geo=FI_091&compare=region,country&lang=pl").asString();
        assertTrue(page.contains(fragment.substring(fragment.indexOf("<article"))), "same article as the iframe page");
        String script = TestServer.given().get(WidgetRoutes.EMBED_JS).asString();
        assertTrue(script.contains("function lmoWire") && script.contains("attachShadow") && script.contains("lmo-widget:height"));
    }

    @Test
    void oembedTurnsAPastedWidgetUrlIntoAnIframe() {
        String widgetUrl = TestServer.baseUrl() + WIDGET + "&geo=FI_091&compare=region,country&lang=fi";
        String page = page(WIDGET + "&geo=FI_091&compare=region,country&lang=fi").asString();
        assertTrue(page.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + TestServer.baseUrl() + "/oembed?url="),
                "discovery link");
        TestServer.given().queryParam("url", widgetUrl).get(WidgetRoutes.OEMBED).then().statusCode(200)
                .body("version", equalTo("1.0"))
                .body("type", equalTo("rich"))
                .body("title", containsString("Helsinki"))
                .body("html", containsString("<iframe src=\"" + TestServer.baseUrl() + "/widgets/indicator?dataset=" + WidgetFixture.DATASET))
                .body("html", containsString("compare=region,country"))
                .body("html", containsString("/widgets/embed.js"));
        TestServer.given().queryParam("url", "http://example.org" + WIDGET + "&geo=FI_091").get(WidgetRoutes.OEMBED).then().statusCode(404);
        TestServer.given().queryParam("url", TestServer.baseUrl() + "/v1/datasets").get(WidgetRoutes.OEMBED).then().statusCode(404);
        TestServer.given().queryParam("url", widgetUrl).queryParam("format", "xml").get(WidgetRoutes.OEMBED).then().statusCode(501);
    }

    @Test
    void theBuilderIsAPlainPageWithItsOwnScript() {
        String html = TestServer.given().get(WidgetRoutes.BUILDER).then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", not(containsString("unsafe"))).extract().asString();
        assertTrue(html.contains("<select id=\"dataset\"") && html.contains("id=\"snippet-iframe\"") && html.contains("id=\"snippet-script\""));
        TestServer.given().get(WidgetRoutes.BUILDER_JS).then().statusCode(200).contentType(containsString("javascript"));
        TestServer.given().get(WidgetRoutes.BUILDER_CSS).then().statusCode(200).contentType(containsString("css"));
    }

    // ---- helpers ----

    private static Response page(String path) {
        Response r = TestServer.given().urlEncodingEnabled(false).get(path);
        r.then().statusCode(200).contentType(containsString("text/html"));
        return r;
    }

    /** value attribute and shown text of each data element, in document order: headline first, then comparisons. */
    private static List<String[]> dataValues(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher m = DATA.matcher(html);
        while (m.find()) out.add(new String[]{m.group(1), m.group(2)});
        return out;
    }

    private static Map<String, BigDecimal> latestByGeo(String query) {
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        List<Map<String, Object>> rows = TestServer.given().urlEncodingEnabled(false)
                .get("/v1/datasets/" + WidgetFixture.DATASET + "/observations?" + query).then().statusCode(200)
                .extract().jsonPath().getList("observations");
        for (Map<String, Object> row : rows) if (row.get("value") != null) out.put(row.get("geo").toString(), new BigDecimal(row.get("value").toString()));
        return out;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String hash(String content) throws Exception {
        return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8))) + "'";
    }
}
