package org.lmobservatory.observations;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Groups of the seed's demonstration grouping FI_EMPLOYMENT_AREA (FI_TEA_DEMO_1B = Espoo, Helsinki, Vantaa, from
 * 2025) through the API: sums of the members on the seed, a ratio from summed parts on a small dataset of its own,
 * measures that do not aggregate refused, and the withheld aggregate over a confidential member.
 */
class GroupingApiTest {
    private static final String MONTHLY = "/v1/datasets/registered-unemployed/observations";
    private static final String RATIOS = "/v1/datasets/t-grp-ratio/observations";
    private static final List<String> UUSIMAA = List.of("FI_049", "FI_091", "FI_092");

    @BeforeAll
    static void ratioDataset() throws Exception {
        TestServer.get();
        TestServer.loader().define(TestServer.file("T_GRP_MEASURE.json", """
                {"id": "T_GRP_MEASURE", "title": {"en": "Test measures"}, "codes": [
                  {"id": "JOBS", "labels": {"en": "Jobs"}}, {"id": "PEOPLE", "labels": {"en": "People"}},
                  {"id": "RATE", "labels": {"en": "Jobs per 100 people"}}, {"id": "PAY_MEDIAN", "labels": {"en": "Median pay"}}]}
                """));
        var definition = TestServer.file("t-grp-ratio.json", """
                {"id": "t-grp-ratio", "title": {"en": "Grouping test ratios"}, "theme": "labour-market", "frequency": "A",
                 "source": "test", "unit": {"id": "MIXED", "label": {"en": "see measure"}},
                 "dimensions": [{"id": "geo", "codelist": "GEO", "role": "geo"}, {"id": "measure", "codelist": "T_GRP_MEASURE"}],
                 "measures": {"dimension": "measure", "codes": {
                   "JOBS": {"kind": "count", "unit": {"id": "JOBS"}},
                   "PEOPLE": {"kind": "count", "unit": {"id": "PERS"}},
                   "RATE": {"kind": "ratio", "numerator": "JOBS", "denominator": "PEOPLE", "scale": 100, "unit": {"id": "PC", "decimals": 1}},
                   "PAY_MEDIAN": {"kind": "median", "unit": {"id": "EUR"}}}}}
                """);
        // 2025: all members; 2026: Vantaa's jobs confidential; 2027: Vantaa has no rows at all.
        var data = TestServer.file("t-grp-ratio.csv", """
                geo,measure,time,value,flag
                FI_049,JOBS,2025,10,
                FI_049,PEOPLE,2025,100,
                FI_049,RATE,2025,10.0,
                FI_049,PAY_MEDIAN,2025,3100,
                FI_091,JOBS,2025,200,
                FI_091,PEOPLE,2025,1000,
                FI_091,RATE,2025,20.0,
                FI_092,JOBS,2025,30,p
                FI_092,PEOPLE,2025,600,
                FI_092,RATE,2025,5.0,
                FI_049,JOBS,2026,12,
                FI_049,PEOPLE,2026,100,
                FI_091,JOBS,2026,210,
                FI_091,PEOPLE,2026,1000,
                FI_092,JOBS,2026,,c
                FI_092,PEOPLE,2026,600,
                FI_049,JOBS,2027,14,
                FI_049,PEOPLE,2027,100,
                FI_091,JOBS,2027,220,
                FI_091,PEOPLE,2027,1000,
                """);
        TestServer.publish("t-grp-ratio", definition, data);
    }

    private static BigDecimal value(String path, Map<String, String> query) {
        JsonPath json = TestServer.given().queryParams(query).queryParam("labels", "code").get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(1, json.getInt("count"), query.toString());
        Object v = json.get("observations[0].value");
        return v == null ? null : new BigDecimal(v.toString());
    }

    @Test
    void theCodelistListsItsGroupingsWithGroupsMembersAndValidity() {
        TestServer.given().get("/v1/codelists/GEO").then().statusCode(200)
                .body("groupings.id", hasItem("FI_EMPLOYMENT_AREA"))
                .body("groupings.find { it.id == 'FI_EMPLOYMENT_AREA' }.description", containsString("ILLUSTRATIVE"))
                .body("groupings.find { it.id == 'FI_EMPLOYMENT_AREA' }.groups.find { it.code == 'FI_TEA_DEMO_1B' }.members", equalTo(UUSIMAA))
                .body("groupings.find { it.id == 'FI_EMPLOYMENT_AREA' }.groups.find { it.code == 'FI_TEA_DEMO_1B' }.validFrom", equalTo("2025-01-01"));
    }

    @Test
    void aGroupOfMunicipalitiesIsTheSumOfItsMembersEveryMonthItIsValid() {
        JsonPath group = TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").queryParam("time", "2024-11..2025-12").queryParam("labels", "code")
                .get(MONTHLY).then().statusCode(200).extract().jsonPath();
        // Valid from 2025-01-01: the months of 2024 have no group value.
        assertEquals(12, group.getInt("count"));
        assertEquals("2025-01", group.getString("observations[0].time"));
        JsonPath members = TestServer.given().queryParam("geo", String.join(",", UUSIMAA)).queryParam("time", "2025-01..2025-12")
                .queryParam("labels", "code").get(MONTHLY).then().statusCode(200).extract().jsonPath();
        for (int month = 0; month < 12; month++) {
            String time = group.getString("observations[" + month + "].time");
            BigDecimal sum = BigDecimal.ZERO;
            for (Map<String, Object> m : members.<Map<String, Object>>getList("observations")) {
                if (m.get("time").equals(time)) sum = sum.add(new BigDecimal(m.get("value").toString()));
            }
            assertEquals(0, sum.compareTo(new BigDecimal(group.getString("observations[" + month + "].value"))), time);
        }
        assertEquals("p", group.getString("observations[11].flag"), "the members' provisional flag is carried");
        assertTrue(group.getList("warnings").toString().contains("FI_EMPLOYMENT_AREA"), group.getList("warnings").toString());
    }

    @Test
    void geoLevelNamingTheGroupingGivesEveryGroupInEveryFormat() throws Exception {
        Map<String, String> q = Map.of("geoLevel", "FI_EMPLOYMENT_AREA", "time", "2025-03");
        JsonPath json = TestServer.given().queryParams(q).queryParam("labels", "code").get(MONTHLY).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("FI_TEA_DEMO_19", "FI_TEA_DEMO_1B", "FI_TEA_DEMO_1C", "FI_TEA_DEMO_1D"), json.getList("observations.geo"));
        String uusimaa = json.getString("observations[1].value");
        BigDecimal expected = BigDecimal.ZERO;
        for (String m : UUSIMAA) expected = expected.add(value(MONTHLY, Map.of("geo", m, "time", "2025-03")));
        assertEquals(0, expected.compareTo(new BigDecimal(uusimaa)));

        List<List<String>> csv = SeedFile.parseCsv(TestServer.given().queryParams(q).queryParam("format", "csv").get(MONTHLY)
                .then().statusCode(200).extract().asString(), ',');
        int geo = csv.get(0).indexOf("geo");
        int val = csv.get(0).indexOf("value");
        assertEquals(List.of("FI_TEA_DEMO_1B", uusimaa), List.of(csv.get(2).get(geo), csv.get(2).get(val)));
        assertTrue(csv.get(2).contains("Demo employment area Helsinki-Uusimaa"), csv.get(2).toString());

        JsonPath stat = TestServer.given().queryParams(q).queryParam("format", "jsonstat").get(MONTHLY).then().statusCode(200).extract().jsonPath();
        assertEquals("Demo employment area Helsinki-Uusimaa", stat.getString("dimension.geo.category.label.FI_TEA_DEMO_1B"));
        assertEquals(0, new BigDecimal(uusimaa).compareTo(new BigDecimal(stat.getString("value[1]"))));

        List<List<String>> sdmx = SeedFile.parseCsv(TestServer.given().queryParams(q).queryParam("format", "sdmx-csv").get(MONTHLY)
                .then().statusCode(200).extract().asString(), ',');
        int sdmxValue = sdmx.get(0).indexOf("OBS_VALUE");
        assertEquals(uusimaa, sdmx.stream().filter(r -> r.contains("FI_TEA_DEMO_1B")).findFirst().orElseThrow().get(sdmxValue));

        Response xlsx = TestServer.given().queryParams(q).queryParam("format", "xlsx").get(MONTHLY);
        xlsx.then().statusCode(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            List<Row> rows = wb.findSheet("Data").orElseThrow().read();
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(c -> header.add(c.getRawValue()));
            Row row = rows.stream().filter(r -> "FI_TEA_DEMO_1B".equals(r.getCellRawValue(0).orElse(""))).findFirst().orElseThrow();
            assertEquals(0, new BigDecimal(uusimaa).compareTo(row.getCellAsNumber(header.indexOf("value")).orElseThrow()));
        }
    }

    @Test
    void groupAnswersPageLikeAnyOtherAndThePagesMakeTheWhole() {
        List<Map<String, Object>> all = TestServer.given().queryParam("geoLevel", "FI_EMPLOYMENT_AREA").queryParam("time", "2025")
                .get(MONTHLY).then().statusCode(200).extract().path("observations");
        assertEquals(4 * 12, all.size());
        List<Map<String, Object>> paged = new ArrayList<>();
        String next = MONTHLY + "?geoLevel=FI_EMPLOYMENT_AREA&time=2025&limit=7";
        int pages = 0;
        while (next != null) {
            Response page = TestServer.given().urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            List<Map<String, Object>> rows = page.path("observations");
            assertTrue(rows.size() <= 7);
            paged.addAll(rows);
            next = page.path("links.next");
            pages++;
        }
        assertEquals(7, pages, "48 rows in pages of 7");
        assertEquals(all, paged);
    }

    @Test
    void aRatioOfAGroupIsItsSummedNumeratorOverItsSummedDenominatorNotTheMeanOfItsMembersRatios() {
        BigDecimal rate = value(RATIOS, Map.of("geo", "FI_TEA_DEMO_1B", "measure", "RATE", "time", "2025"));
        BigDecimal pooled = new BigDecimal(100 * 240).divide(new BigDecimal(1700), 1, RoundingMode.HALF_UP);
        assertEquals(0, pooled.compareTo(rate), "100 × (10+200+30) / (100+1000+600)");
        BigDecimal meanOfRatios = new BigDecimal("35.0").divide(new BigDecimal(3), 1, RoundingMode.HALF_UP);
        assertNotEquals(0, meanOfRatios.compareTo(rate), "not (10+20+5)/3");
        assertEquals(0, new BigDecimal(240).compareTo(value(RATIOS, Map.of("geo", "FI_TEA_DEMO_1B", "measure", "JOBS", "time", "2025"))));
    }

    @Test
    void anAggregateOverAConfidentialMemberIsWithheldSoTheMemberCannotBeDerivedBySubtraction() {
        JsonPath json = TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").queryParam("measure", "JOBS,PEOPLE,RATE")
                .queryParam("time", "2026").queryParam("labels", "code").get(RATIOS).then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> byMeasure = new java.util.HashMap<>();
        for (Map<String, Object> o : json.<Map<String, Object>>getList("observations")) byMeasure.put((String) o.get("measure"), o);
        assertNull(byMeasure.get("JOBS").get("value"), "Helsinki 210 + Espoo 12 are published: the group's jobs would give Vantaa's");
        assertEquals("c", byMeasure.get("JOBS").get("flag"));
        assertNull(byMeasure.get("RATE").get("value"), "the ratio's numerator has the confidential member");
        assertEquals("c", byMeasure.get("RATE").get("flag"));
        assertEquals(0, new BigDecimal(1700).compareTo(new BigDecimal(byMeasure.get("PEOPLE").get("value").toString())),
                "a measure with no confidential member is published");
    }

    @Test
    void aGroupWithAMemberWithoutAValueIsFlaggedIncomplete() {
        JsonPath json = TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").queryParam("measure", "JOBS").queryParam("time", "2027")
                .queryParam("labels", "code").get(RATIOS).then().statusCode(200).extract().jsonPath();
        assertEquals(234, json.getInt("observations[0].value"));
        assertEquals("i", json.getString("observations[0].flag"));
        assertTrue(json.getString("flags.i").startsWith("incomplete"), json.getString("flags.i"));
    }

    @Test
    void aMedianOverAGroupingIsA400ThatSaysWhy() {
        TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").queryParam("measure", "PAY_MEDIAN").get(RATIOS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("not-aggregatable"))
                .body("detail", containsString("PAY_MEDIAN (median: a median of a group is not a function of its members' medians"));
        TestServer.given().queryParam("geoLevel", "FI_EMPLOYMENT_AREA").get(RATIOS).then().statusCode(400)
                .body("detail", containsString("Ask for measure=JOBS,PEOPLE,RATE"));
        TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").get("/v1/datasets/unemployment-rate/observations").then().statusCode(400)
                .body("type", containsString("not-aggregatable"));
    }

    @Test
    void groupsAndCodesMixedOrAnUnknownGroupingLevelAre400s() {
        TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B,FI_091").get(MONTHLY).then().statusCode(400)
                .body("type", containsString("conflicting-parameters"));
        TestServer.given().queryParam("geoLevel", "FI_EMPLOYMENT_AREAS").get(MONTHLY).then().statusCode(400)
                .body("detail", containsString("groupings: FI_EMPLOYMENT_AREA"));
        TestServer.given().queryParam("geo", "FI_TEA_DEMO_XX").get(MONTHLY).then().statusCode(400)
                .body("detail", containsString("Groups of FI_EMPLOYMENT_AREA are accepted too"));
        TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B,FI_TEA_DEMO_XX").get(MONTHLY).then().statusCode(400)
                .body("detail", containsString("nor a group of its groupings (FI_EMPLOYMENT_AREA)"));
    }
}
