package org.lmobservatory.catalogue;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wherever a Kosovo area is shown, its designation footnote comes with it, in the reader's language: charts, widgets,
 * JSON-stat (as the category's note) and the spreadsheet's metadata; and only there (a Finnish chart does not carry it).
 */
class KosovoDesignationTest {
    private static final String DATASET = "/v1/datasets/xk-vet-labour-match";
    /** The part of the footnote that every language keeps as written. */
    private static final String RESOLUTION = "1244/1999";

    @Test
    void theFootnoteIsKnownInEveryLanguageOfTheService() {
        for (String lang : List.of("en", "sq", "fi", "sv", "bg", "pl", "cs")) {
            String note = KosovoDesignation.footnote(lang);
            assertTrue(note.startsWith("*") && note.contains(RESOLUTION), lang + ": " + note);
        }
        assertFalse(KosovoDesignation.footnote("sq").equals(KosovoDesignation.footnote("en")), "translated, not English everywhere");
        assertTrue(KosovoDesignation.isKosovo("XK01") && KosovoDesignation.isKosovo("XK_27") && !KosovoDesignation.isKosovo("FI_091"));
    }

    @Test
    void aChartOfAKosovoRegionCarriesTheFootnoteInItsLanguageAndAFinnishOneDoesNot() {
        String svg = TestServer.given().queryParam("geo", "XK01").queryParam("measure", "JOBSEEKERS").queryParam("lang", "sq")
                .get(DATASET + "/chart.svg").then().statusCode(200).extract().asString();
        // The chart wraps long notes over several lines: compare without the line breaks of the SVG text elements.
        String text = svg.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertTrue(text.contains("Rezolutën 1244/1999"), text);

        String finnish = TestServer.given().queryParam("geo", "FI_091").queryParam("lang", "fi")
                .get("/v1/datasets/unemployment-rate/chart.svg").then().statusCode(200).extract().asString();
        assertFalse(finnish.contains(RESOLUTION), "no footnote without a Kosovo area");
    }

    @Test
    void theIndicatorWidgetOfAKosovoRegionCarriesTheFootnote() {
        String html = TestServer.given().accept("text/html").queryParam("dataset", "xk-vet-labour-match").queryParam("geo", "XK01")
                .queryParam("measure", "VACANCIES").queryParam("lang", "pl").get("/widgets/indicator").then().statusCode(200).extract().asString();
        assertTrue(html.contains(KosovoDesignation.footnote("pl")), "Polish footnote in the widget");
    }

    @Test
    void jsonStatNotesTheKosovoCategoriesOnly() {
        var json = TestServer.given().queryParam("geo", "XK,XK01").queryParam("measure", "JOBSEEKERS").queryParam("format", "jsonstat")
                .queryParam("lang", "bg").get(DATASET + "/observations").then().statusCode(200).extract().jsonPath();
        List<String> note = json.getList("dimension.geo.category.note.XK01");
        assertEquals(List.of(KosovoDesignation.footnote("bg")), note);

        var finnish = TestServer.given().queryParam("geo", "FI_091").queryParam("format", "jsonstat")
                .get("/v1/datasets/unemployment-rate/observations").then().statusCode(200).extract().jsonPath();
        assertNull(finnish.get("dimension.geo.category.note"));
    }

    @Test
    void theSpreadsheetMetadataCarriesTheFootnote() throws Exception {
        byte[] xlsx = TestServer.given().queryParam("geo", "XK01").queryParam("measure", "JOBSEEKERS").queryParam("format", "xlsx")
                .queryParam("lang", "cs").get(DATASET + "/observations").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.findSheet("Metadata").orElseThrow().read();
            assertTrue(rows.stream().anyMatch(r -> r.getCellText(1).equals(KosovoDesignation.footnote("cs"))), "a Note row in Czech");
        }
    }

    @Test
    void aChartOfMeasuresWithDifferentUnitsNamesEachUnitNotThePlaceholder() {
        String svg = TestServer.given().queryParam("geo", "CZ_563889").queryParam("measure", "PNO,JOBSEEKERS_15_64").queryParam("lang", "en")
                .get("/v1/datasets/cz-pno/chart.svg").then().statusCode(200).extract().asString();
        assertTrue(svg.contains("<path") || svg.contains("<rect class=\"lmo-bar\""), "a chart with data: " + svg);
        assertTrue(svg.contains("Units: "), "the units of the measures shown: " + svg);
        assertFalse(svg.contains("per measure"), "not the dataset's placeholder unit");
    }
}
