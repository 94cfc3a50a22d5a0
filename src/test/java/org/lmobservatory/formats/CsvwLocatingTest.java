package org.lmobservatory.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CSVW "Locating Metadata" (W3C Model for Tabular Data §5.2 and §5.3, Metadata Vocabulary §5.1.3) as a processor does it:
 * follow the CSV's {@code Link: rel="describedby"}, resolve the metadata's {@code url} against the metadata's own URL,
 * and use the metadata only when that is the CSV's URL; then the table's header must be the columns' titles in order.
 * No CSVW processor is to be had from Maven Central, Debian or npm that checks this offline (the npm CSVW parsers turn a
 * CSV and given metadata into RDF and never locate metadata), so these rules are checked here, by the spec.
 * The metadata's origin is LMO_BASE_URL (the public one), which in tests is not the test server's random port: the
 * path and query are compared.
 */
class CsvwLocatingTest {
    private static final String CSV = FormatsFixture.SPARSE_OBSERVATIONS;
    private static final Pattern DESCRIBED_BY = Pattern.compile("<([^>]+)>; rel=\"describedby\"; type=\"application/csvm\\+json\"");

    @BeforeAll
    static void publishFixture() throws Exception {
        FormatsFixture.publish();
    }

    @Test
    void theMetadataOfACsvNamesTheUrlTheCsvWasRequestedWithNotTheCanonicalQuery() throws Exception {
        // Out of canonical order, a comma percent-encoded, codes out of order: still one canonical query, one cache entry.
        String requested = CSV + "?time=2020..2023&area=A2%2CA1&format=csv";
        Response csv = TestServer.given().urlEncodingEnabled(false).get(requested);
        csv.then().statusCode(200);
        JsonNode meta = located(requested, csv);
        assertEquals(requested, pathAndQuery(meta.path("url").asText()), "the metadata's url is the CSV's own URL");
        assertEquals(header(csv, ','), titles(meta));
        assertTrue(meta.path("dc:bibliographicCitation").asText().contains(requested), meta.path("dc:bibliographicCitation").asText());
    }

    @Test
    void twoSpellingsOfOneQueryShareBodyAndEtagButEachLinksMetadataNamingItsOwnUrl() throws Exception {
        String first = CSV + "?format=csv&lang=fi&csvSeparator=semicolon&time=2021";
        String second = CSV + "?time=2021&csvSeparator=semicolon&format=csv&lang=fi";
        Response a = TestServer.given().urlEncodingEnabled(false).get(first);
        Response b = TestServer.given().urlEncodingEnabled(false).get(second);
        assertEquals(a.header("ETag"), b.header("ETag"), "the same representation, cached once");
        assertEquals(a.asString(), b.asString());
        assertNotEquals(describedBy(a), describedBy(b));
        assertEquals(first, pathAndQuery(located(first, a).path("url").asText()));
        assertEquals(second, pathAndQuery(located(second, b).path("url").asText()));
        assertEquals(header(b, ';'), titles(located(second, b)));
        // The revalidation of either spelling is still a 304.
        TestServer.given().urlEncodingEnabled(false).header("If-None-Match", a.header("ETag")).get(second).then().statusCode(304);
    }

    @Test
    void aCsvWhoseFormatCameFromAcceptLinksMetadataOfThatFormatNamingTheUrlWithoutFormat() throws Exception {
        String requested = CSV + "?time=2022..2023";
        Response csv = TestServer.given().urlEncodingEnabled(false).accept("application/vnd.sdmx.data+csv;version=1.0.0").get(requested);
        csv.then().statusCode(200);
        JsonNode meta = located(requested, csv);
        assertEquals(requested, pathAndQuery(meta.path("url").asText()));
        assertEquals(header(csv, ','), titles(meta));
        assertEquals("DATAFLOW", titles(meta).get(0));
    }

    @Test
    void theCanonicalUrlNeedsNoUrlParameter() {
        Response csv = TestServer.given().urlEncodingEnabled(false).get(CSV + "?format=csv&time=2021");
        assertTrue(!describedBy(csv).contains("url="), describedBy(csv));
    }

    @Test
    void aUrlParameterNamingAnotherQueryOrPathOrGivenTwiceIsAProblem() {
        String metadata = CSV + "/csv-metadata.json?format=csv&time=2021";
        TestServer.given().queryParam("url", CSV + "?time=2022&format=csv").get(metadata).then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("conflicting-parameters"));
        TestServer.given().queryParam("url", "/v1/datasets/unemployment-rate/observations?time=2021").get(metadata).then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-parameter"));
        TestServer.given().queryParam("url", "https://example.org" + CSV + "?time=2021").get(metadata).then().statusCode(400)
                .contentType("application/problem+json");
        TestServer.given().queryParam("url", CSV + "?time=2021&nonsense=1").get(metadata).then().statusCode(400)
                .contentType("application/problem+json");
        TestServer.given().queryParam("url", CSV + "?time=2021", CSV + "?time=2021").get(metadata).then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("repeated-parameter"));
    }

    /** §5.2: the describedby link resolved against the CSV's URL, fetched; its url resolved against the metadata's URL. */
    private static JsonNode located(String requested, Response csv) throws Exception {
        URI csvUri = URI.create(TestServer.baseUrl() + requested);
        URI metadataUri = csvUri.resolve(describedBy(csv));
        Response metadata = TestServer.given().urlEncodingEnabled(false).get(metadataUri.getRawPath() + "?" + metadataUri.getRawQuery());
        metadata.then().statusCode(200).contentType("application/csvm+json");
        JsonNode meta = FormatsFixture.EXACT.readTree(metadata.asString());
        assertEquals("http://www.w3.org/ns/csvw", meta.at("/@context/0").asText());
        assertTrue(meta.at("/dc:license/@id").asText().startsWith("https://"), "a licence: " + meta);
        return meta;
    }

    private static String describedBy(Response csv) {
        Matcher link = DESCRIBED_BY.matcher(csv.header("Link"));
        assertTrue(link.find(), "Link: " + csv.header("Link"));
        return link.group(1);
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static List<String> header(Response csv, char separator) {
        return SeedFile.parseCsv(new String(csv.asByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", ""), separator).get(0);
    }

    private static List<String> titles(JsonNode meta) {
        List<String> titles = new ArrayList<>();
        meta.at("/tableSchema/columns").forEach(c -> titles.add(c.path("titles").asText()));
        return titles;
    }
}
