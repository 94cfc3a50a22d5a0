package org.lmobservatory.widgets;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** chart.svg read back as XML: valid, one point per published value, gaps where values are missing, accessible, localised. */
class ChartSvgTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String CHART = "/v1/datasets/" + WidgetFixture.DATASET + "/chart.svg";
    private static final String OBSERVATIONS = "/v1/datasets/" + WidgetFixture.DATASET + "/observations";

    @BeforeAll
    static void data() throws Exception {
        WidgetFixture.publish();
    }

    @Test
    void lineChartHasOnePointPerPublishedValueAndAGapWhereOneIsMissing() throws Exception {
        Document svg = chart("geo=FI_091,FI1B,FI&age=Y15-24&lang=en");
        List<Map<String, Object>> api = observations("geo=FI_091,FI1B,FI&age=Y15-24");
        for (String geo : List.of("FI_091", "FI1B", "FI")) {
            Element series = series(svg, geo);
            List<Map<String, Object>> rows = api.stream().filter(r -> r.get("geo").equals(geo)).toList();
            List<Element> points = elements(series, "circle");
            long withValue = rows.stream().filter(r -> r.get("value") != null).count();
            assertEquals(withValue, points.size(), geo + ": one point per published value");
            for (Element point : points) {
                String year = point.getAttribute("data-period").substring(0, 4);
                Object value = rows.stream().filter(r -> r.get("time").equals(year)).findFirst().orElseThrow().get("value");
                assertEquals(new BigDecimal(value.toString()), new BigDecimal(point.getAttribute("data-value")), geo + " " + year);
            }
            long missing = rows.size() - withValue;
            String d = elements(series, "path").get(0).getAttribute("d");
            assertEquals(missing > 0 ? 2 : 1, d.chars().filter(c -> c == 'M').count(), geo + ": a path break per gap: " + d);
        }
        assertTrue(text(svg).contains("Gaps in a line"), "the gap is explained under the chart");
        assertTrue(text(svg).contains("m = missing"), "the flag is explained");
    }

    @Test
    void aMissingValueOfTheSeedIsAGapToo() throws Exception {
        Map<String, Object> missing = TestServer.given().queryParam("lastPeriods", "36")
                .get("/v1/datasets/registered-unemployed/observations").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("observations").stream()
                .filter(o -> "m".equals(o.get("flag"))).findFirst().orElseThrow(() -> new AssertionError("the seed has an m value in the last 36 months"));
        assertNull(missing.get("value"));
        Document svg = chart("geo=" + missing.get("geo") + "&lastPeriods=36", "/v1/datasets/registered-unemployed/chart.svg");
        Element series = series(svg, missing.get("geo").toString());
        List<String> periods = elements(series, "circle").stream().map(c -> c.getAttribute("data-period")).toList();
        assertFalse(periods.contains(missing.get("time") + "-01"), "no point for " + missing.get("time"));
        assertEquals(35, periods.size());
        assertEquals(2, elements(series, "path").get(0).getAttribute("d").chars().filter(c -> c == 'M').count());
    }

    @Test
    void chartsAreAccessibleImages() throws Exception {
        for (String type : List.of("line", "bar", "sparkline")) {
            String geo = type.equals("line") ? "FI_091,FI1B" : type.equals("bar") ? "FI19,FI1B" : "FI_091";
            Element root = chart("geo=" + geo + "&age=Y15-74&type=" + type).getDocumentElement();
            assertEquals("svg", root.getLocalName());
            assertEquals("img", root.getAttribute("role"), type);
            Element title = elements(root, "title").get(0);
            Element desc = elements(root, "desc").get(0);
            assertEquals(title.getAttribute("id") + " " + desc.getAttribute("id"), root.getAttribute("aria-labelledby"), type);
            assertTrue(title.getTextContent().contains("Youth unemployment rate"), type);
            assertTrue(desc.getTextContent().length() > 30, type + " desc says what the chart shows: " + desc.getTextContent());
            assertTrue(elements(root, "script").isEmpty(), type + " has no script");
        }
    }

    @Test
    void barChartRanksTheRegionsAndShowsTheSuppressedOneAsNoValue() throws Exception {
        Document svg = chart("geoLevel=region&age=Y15-24&time=2025&type=bar&lang=en");
        List<Map<String, Object>> api = observations("geoLevel=region&age=Y15-24&time=2025");
        List<Element> bars = elements(svg.getDocumentElement(), "rect").stream().filter(r -> r.getAttribute("class").equals("lmo-bar")).toList();
        assertEquals(api.stream().filter(r -> r.get("value") != null).count(), bars.size());
        List<BigDecimal> values = bars.stream().map(b -> new BigDecimal(b.getAttribute("data-value"))).toList();
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, values, "bars from highest to lowest");
        List<Element> gaps = elements(svg.getDocumentElement(), "text").stream().filter(t -> t.getAttribute("class").equals("lmo-gap")).toList();
        assertEquals(1, gaps.size());
        assertEquals(WidgetFixture.SUPPRESSED_AREA, gaps.get(0).getAttribute("data-series"));
        assertTrue(gaps.get(0).getTextContent().contains("(c)"));
        assertTrue(text(svg).contains("c = confidential"));
    }

    @Test
    void provisionalValuesAreMarkedWhereAnImageShowsThemAndTheChartShrinksToItsHost() throws Exception {
        Element line = chart("geo=FI_091,FI1B&age=Y15-74&lang=en").getDocumentElement();
        assertTrue(line.getAttribute("style").contains("max-width:100%") && line.getAttribute("style").contains("height:auto"),
                "a 720 px chart shrinks into a 390 px page: " + line.getAttribute("style"));
        List<Element> points = elements(line, "circle");
        assertFalse(points.isEmpty());
        for (Element point : points) {
            boolean provisional = point.getAttribute("data-period").startsWith("2025");
            assertEquals(provisional ? "p" : "", point.getAttribute("data-tentative"), point.getAttribute("data-period"));
            assertEquals(provisional, point.getAttribute("fill").equals("#ffffff"), "hollow only when provisional: " + point.getAttribute("data-period"));
        }
        assertTrue(line.getTextContent().contains("Hollow points and pale dashed bars are provisional (p) or estimated (e) values"));
        Element bar = chart("geoLevel=region&age=Y15-74&time=2025&type=bar&lang=en").getDocumentElement();
        List<Element> bars = elements(bar, "rect").stream().filter(r -> r.getAttribute("class").equals("lmo-bar")).toList();
        assertFalse(bars.isEmpty());
        for (Element b : bars) assertEquals("0.35", b.getAttribute("fill-opacity"), "a provisional bar is pale");
        Element settled = chart("geoLevel=region&age=Y15-74&time=2024&type=bar&lang=en").getDocumentElement();
        assertFalse(settled.getTextContent().contains("Hollow points"), "no note without provisional values");
        elements(settled, "rect").stream().filter(r -> r.getAttribute("class").equals("lmo-bar"))
                .forEach(b -> assertEquals("", b.getAttribute("fill-opacity"), "a final bar is solid"));
    }

    @Test
    void finnishChartsWriteADecimalCommaAndEnglishOnesADot() throws Exception {
        Map<String, Object> latest = observations("geo=FI_091&age=Y15-74&time=2025").get(0);
        String value = new BigDecimal(latest.get("value").toString()).setScale(1).toPlainString();
        String fi = chart("geo=FI_091&age=Y15-74&lang=fi").getDocumentElement().getTextContent();
        String en = chart("geo=FI_091&age=Y15-74&lang=en").getDocumentElement().getTextContent();
        assertTrue(fi.contains(value.replace('.', ',') + "\u00a0%"), "fi has " + value.replace('.', ','));
        assertTrue(en.contains(value + "%"), "en has " + value);
        assertFalse(fi.contains(value + "%"), "fi has no decimal point");
        assertTrue(fi.contains("Lähde:") && fi.contains("Lisenssi: CC-BY-4.0"), "source and licence line in Finnish");
    }

    @Test
    void chartsAreCacheableAndEmbeddableFromAnyOrigin() {
        Response first = TestServer.given().urlEncodingEnabled(false).get(CHART + "?geo=FI1B&age=Y15-74");
        first.then().statusCode(200).contentType(containsString("image/svg+xml"))
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", containsString("public"));
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertNull(first.header("Set-Cookie"), "no cookies");
        TestServer.given().urlEncodingEnabled(false).header("If-None-Match", etag).get(CHART + "?geo=FI1B&age=Y15-74")
                .then().statusCode(304);
        // The API's If-None-Match rules (web/HttpCaching): weak comparison, a list, and * all match; a stranger does not.
        for (String header : List.of("W/" + etag, "\"r0-old\", W/" + etag, "*")) {
            TestServer.given().urlEncodingEnabled(false).header("If-None-Match", header).get(CHART + "?geo=FI1B&age=Y15-74")
                    .then().statusCode(304).header("ETag", etag);
        }
        TestServer.given().urlEncodingEnabled(false).header("If-None-Match", "\"r0-old\"").get(CHART + "?geo=FI1B&age=Y15-74")
                .then().statusCode(200);
        String other = TestServer.given().urlEncodingEnabled(false).get(CHART + "?geo=FI1C&age=Y15-74").header("ETag");
        assertFalse(Objects.equals(etag, other), "another query, another ETag");
    }

    @Test
    void undrawableRequestsAreProblems() {
        TestServer.given().urlEncodingEnabled(false).get(CHART + "?type=pie").then().statusCode(400)
                .body("detail", containsString("line, bar or sparkline"));
        TestServer.given().urlEncodingEnabled(false).get(CHART + "?type=sparkline&geo=FI1B,FI1C").then().statusCode(400)
                .body("type", containsString("too-many-series"));
        TestServer.given().urlEncodingEnabled(false).get(CHART + "?format=csv").then().statusCode(400);
        TestServer.given().urlEncodingEnabled(false).get("/v1/datasets/unemployment-rate/chart.svg").then().statusCode(400)
                .body("detail", containsString("at most 12"));
        TestServer.given().get("/v1/datasets/no-such-dataset/chart.svg").then().statusCode(404).body("status", equalTo(404));
    }

    // ---- helpers ----

    private static Document chart(String query) throws Exception {
        return chart(query, CHART);
    }

    static Document chart(String query, String path) throws Exception {
        String body = TestServer.given().urlEncodingEnabled(false).get(path + "?" + query)
                .then().statusCode(200).extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }

    private static List<Map<String, Object>> observations(String query) {
        return TestServer.given().urlEncodingEnabled(false).get(OBSERVATIONS + "?" + query).then().statusCode(200)
                .extract().jsonPath().getList("observations");
    }

    private static Element series(Document svg, String code) {
        return elements(svg.getDocumentElement(), "g").stream().filter(g -> g.getAttribute("data-series").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + code));
    }

    static List<Element> elements(Element root, String name) {
        NodeList list = root.getElementsByTagNameNS(SVG_NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    private static String text(Document svg) {
        return svg.getDocumentElement().getTextContent();
    }
}
