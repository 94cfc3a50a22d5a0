package org.lmobservatory.observations;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.groupings.GroupingStore;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grouping loaded again on the running server: its groups' values follow the new version at once (the loader's
 * NOTIFY drops the cached groupings), a group whose members change over time aggregates, for each period, the members
 * valid then, and the codelist lists the earlier version too.
 */
class GroupingVersionsTest {
    private static final String PATH = "/v1/datasets/t-grp-versions/observations";
    private static GroupingStore store;

    @BeforeAll
    static void dataset() throws Exception {
        TestServer.get();
        TestServer.loader().define(TestServer.file("T_GV_AREA.json", """
                {"id": "T_GV_AREA", "title": {"en": "Grouping version test areas"}, "codes": [
                  {"id": "GV1", "labels": {"en": "One"}}, {"id": "GV2", "labels": {"en": "Two"}},
                  {"id": "GV3", "labels": {"en": "Three"}}, {"id": "GV4", "labels": {"en": "Four"}}]}
                """));
        var definition = TestServer.file("t-grp-versions.json", """
                {"id": "t-grp-versions", "title": {"en": "Grouping versions test"}, "theme": "labour-market", "frequency": "A",
                 "source": "test", "unit": {"id": "PERS", "label": {"en": "persons"}},
                 "dimensions": [{"id": "geo", "codelist": "T_GV_AREA", "role": "geo"}]}
                """);
        var data = TestServer.file("t-grp-versions.csv", """
                geo,time,value
                GV1,2024,1
                GV2,2024,10
                GV3,2024,100
                GV4,2024,1000
                GV1,2025,2
                GV2,2025,20
                GV3,2025,200
                GV4,2025,2000
                """);
        TestServer.publish("t-grp-versions", definition, data);
        store = new GroupingStore(TestDatabase.get().owner());
    }

    private static GroupingStore.Loaded loadGrouping(String groups) throws Exception {
        return store.load(TestServer.file("T_GV_GROUPING.json", """
                {"id": "T_GV_GROUPING", "codelist": "T_GV_AREA", "labels": {"en": "Version test grouping"}, "groups": [%s]}
                """.formatted(groups)));
    }

    private static Map<String, Integer> northByYear() {
        JsonPath json = TestServer.given().queryParam("geo", "T_GV_NORTH").queryParam("time", "2024..2025").queryParam("labels", "code")
                .get(PATH).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Map<String, Object> o : json.<Map<String, Object>>getList("observations")) {
            out.put((String) o.get("time"), ((Number) o.get("value")).intValue());
        }
        return out;
    }

    /** The server learns of the new version through NOTIFY, on its listener's thread: wait for it, bounded. */
    private static Map<String, Integer> awaitNorth(Map<String, Integer> expected) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Map<String, Integer> seen = northByYear();
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = northByYear();
        }
        return seen;
    }

    @Test
    void aGroupingLoadedAgainChangesTheValuesOnTheRunningServerAndAPeriodAggregatesTheMembersValidThen() throws Exception {
        GroupingStore.Loaded first = loadGrouping("""
                {"code": "T_GV_NORTH", "labels": {"en": "North"}, "members": ["GV1", "GV2"]}""");
        assertEquals(Map.of("2024", 11, "2025", 22), awaitNorth(Map.of("2024", 11, "2025", 22)), "GV1 + GV2 every year");

        // GV3 joins the group in 2025: 2024 keeps the old members, 2025 adds GV3. Same URL, same server, no restart.
        GroupingStore.Loaded second = loadGrouping("""
                {"code": "T_GV_NORTH", "labels": {"en": "North"}, "validTo": "2024-12-31", "members": ["GV1", "GV2"]},
                {"code": "T_GV_NORTH", "labels": {"en": "North"}, "validFrom": "2025-01-01", "members": ["GV1", "GV2", "GV3"]}""");
        assertEquals(first.version() + 1, second.version());
        assertEquals(Map.of("2024", 11, "2025", 222), awaitNorth(Map.of("2024", 11, "2025", 222)));

        JsonPath codelist = TestServer.given().get("/v1/codelists/T_GV_AREA").then().statusCode(200).extract().jsonPath();
        String grouping = "groupings.find { it.id == 'T_GV_GROUPING' }";
        assertEquals(second.version(), codelist.getInt(grouping + ".version"));
        assertEquals(List.of("T_GV_NORTH", "T_GV_NORTH"), codelist.getList(grouping + ".groups.code"));
        assertEquals(List.of("GV1", "GV2", "GV3"), codelist.getList(grouping + ".groups[1].members"));
        assertEquals("2025-01-01", codelist.getString(grouping + ".groups[1].validFrom"));
        assertEquals(first.version(), codelist.getInt(grouping + ".earlierVersions[0].version"), "the older version stays listed");
        assertEquals(List.of("GV1", "GV2"), codelist.getList(grouping + ".earlierVersions[0].groups[0].members"));

        // And back to one period with other members: the values follow again.
        loadGrouping("""
                {"code": "T_GV_NORTH", "labels": {"en": "North"}, "members": ["GV3", "GV4"]}""");
        assertEquals(Map.of("2024", 1100, "2025", 2200), awaitNorth(Map.of("2024", 1100, "2025", 2200)));
        JsonPath labelled = TestServer.given().queryParam("geo", "T_GV_NORTH").queryParam("time", "2025").get(PATH)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("North", labelled.getString("observations[0].geo_label"), labelled.prettify());
        assertTrue(labelled.getList("warnings").toString().contains("T_GV_GROUPING (version " + (second.version() + 1) + ")"),
                labelled.getList("warnings").toString());
    }
}
