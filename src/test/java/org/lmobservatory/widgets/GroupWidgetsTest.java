package org.lmobservatory.widgets;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Charts and indicator widgets of a group of the seed's demonstration grouping (FI_TEA_DEMO_1B = Espoo, Helsinki,
 * Vantaa, from 2025): the same aggregate as the observations API, labelled with the group's label; a measure that does
 * not aggregate over a group is the same 400 as on the API.
 */
class GroupWidgetsTest {
    private static final String MONTHLY = "/v1/datasets/registered-unemployed/observations";
    private static final String GROUP_LABEL = "Demo employment area Helsinki-Uusimaa";
    private static final Pattern FIRST_VALUE = Pattern.compile("<data(?: class=\"lmo-number\")? value=\"([^\"]+)\">");

    private static BigDecimal apiValue(String geo, String time) {
        JsonPath json = TestServer.given().queryParam("geo", geo).queryParam("time", time).queryParam("labels", "code").get(MONTHLY)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, json.getInt("count"));
        return new BigDecimal(json.getString("observations[0].value"));
    }

    @Test
    void aChartOfAGroupIsLabelledWithTheGroupsLabel() {
        String svg = TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").queryParam("time", "2025").get("/v1/datasets/registered-unemployed/chart.svg")
                .then().statusCode(200).contentType(containsString("image/svg+xml")).extract().asString();
        assertTrue(svg.contains(GROUP_LABEL), svg.substring(0, Math.min(svg.length(), 2000)));
        String both = TestServer.given().queryParam("geoLevel", "FI_EMPLOYMENT_AREA").queryParam("time", "2025-06")
                .queryParam("type", "bar").get("/v1/datasets/registered-unemployed/chart.svg").then().statusCode(200).extract().asString();
        assertTrue(both.contains(GROUP_LABEL) && both.contains("Demo employment area Western Finland"), "every group of the grouping, labelled");
    }

    @Test
    void anIndicatorWidgetOfAGroupShowsTheApisAggregateAndComparesWithOtherGroups() {
        Response page = TestServer.given().urlEncodingEnabled(false)
                .get("/widgets/indicator?dataset=registered-unemployed&geo=FI_TEA_DEMO_1B&compare=FI_TEA_DEMO_19&lastPeriods=2&lang=en");
        page.then().statusCode(200);
        String html = page.asString();
        assertTrue(html.contains(GROUP_LABEL), "the group's label");
        Matcher first = FIRST_VALUE.matcher(html);
        assertTrue(first.find(), "a headline value");
        String latest = TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").queryParam("lastPeriods", "1").queryParam("labels", "code")
                .get(MONTHLY).then().statusCode(200).extract().path("observations[0].time");
        assertEquals(0, apiValue("FI_TEA_DEMO_1B", latest).compareTo(new BigDecimal(first.group(1))), "the API's aggregate for " + latest);
        assertTrue(html.contains("Demo employment area Western Finland"), "the compared group, labelled");
    }

    @Test
    void aGroupComparedWithCodesOrLevelsIsA400ThatSaysWhy() {
        TestServer.given().urlEncodingEnabled(false).get("/widgets/indicator?dataset=registered-unemployed&geo=FI_TEA_DEMO_1B&compare=region")
                .then().statusCode(400).body(containsString("groups have no region or country above them"));
    }

    @Test
    void aCategoricalMeasureOverAGroupIsTheSame400AsOnTheApi() {
        String detail = TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").get("/v1/datasets/occupational-barometer/observations")
                .then().statusCode(400).contentType("application/problem+json").extract().path("detail");
        assertTrue(detail.contains("a category is a code, not a quantity"), detail);
        TestServer.given().queryParam("geo", "FI_TEA_DEMO_1B").get("/v1/datasets/occupational-barometer/chart.svg")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("a category is a code, not a quantity"));
        TestServer.given().urlEncodingEnabled(false).get("/widgets/indicator?dataset=occupational-barometer&geo=FI_TEA_DEMO_1B")
                .then().statusCode(400).body(containsString("a category is a code, not a quantity"));
    }
}
