package org.lmobservatory.releases;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lmobservatory.releases.ReleaseCells.owner;
import static org.lmobservatory.releases.ReleaseCells.served;
import static org.lmobservatory.releases.ReleaseCells.with;
import static org.lmobservatory.releases.ReleaseCells.without;
import static org.lmobservatory.releases.ReleaseCells.written;

/**
 * Releases stored by change (migration V19): a publish writes only the cells that differ from the dataset's newest
 * written state, and every release — pinned with release=, compared with revisions?since=, brought back by a rollback,
 * published while another waits under embargo, or next to a cancelled one — still answers with exactly its own cells.
 */
class VersionedReleasesTest {

    @Test
    void eachPublishWritesOnlyItsChangesAndEveryReleaseKeepsItsCells() throws Exception {
        String id = Embargoes.uniqueId("t-versioned");
        Path definition = Embargoes.definition(id, "Versioned");
        long r1 = TestServer.publish(id, definition, TestServer.file("v1.csv",
                "geo,time,value\nFI1B,2023,1\nFI1B,2024,2\nFI1C,2023,3\nFI19,2023,4\n"));
        Map<String, String> c1 = served(id, r1);
        assertEquals(Map.of("FI1B|2023", "1", "FI1B|2024", "2", "FI1C|2023", "3", "FI19|2023", "4"), c1);
        assertEquals(List.of(4L, 0L), written(id, r1));

        long r2 = publish(id, "geo,time,value\nFI1B,2023,1\nFI1B,2024,20\nFI1C,2023,3\nFI19,2023,4\n");
        assertEquals(List.of(1L, 1L), written(id, r2), "a one-cell revision inserts one version and closes one");
        Map<String, String> c2 = with(c1, "FI1B|2024", "20");
        assertEquals(c2, served(id, r2));
        assertEquals(c1, served(id, r1), "the older release is unchanged");

        // The same content in another order is another file to the loader, but nothing to store.
        long r3 = publish(id, "geo,time,value\nFI19,2023,4\nFI1C,2023,3\nFI1B,2024,20\nFI1B,2023,1\n");
        assertEquals(List.of(0L, 0L), written(id, r3), "an unchanged content writes no version");
        assertEquals(c2, served(id, r3));

        // After a rollback to r1, a merge starts from r1 (the current release), not from the newest written state.
        new Rollback(TestDatabase.get().owner()).rollback(id, r1);
        TestServer.awaitRelease(id, r1);
        long r4 = TestServer.publishLoad(id, Embargoes.load(id, """
                STRUCTURE,STRUCTURE_ID,ACTION,geo,TIME_PERIOD,OBS_VALUE
                dataflow,LMO:%s(1.0),I,FI193,2023,9
                dataflow,LMO:%s(1.0),D,FI1C,2023,
                """.formatted(id, id)));
        Map<String, String> c4 = without(with(c1, "FI193|2023", "9"), "FI1C|2023");
        assertEquals(c4, served(id, r4));
        assertEquals(c2, served(id, r2));
        assertEquals(c2, served(id, r3));
        assertEquals(c1, served(id, r1));
        JsonPath revisions = TestServer.given().queryParam("since", r3).get("/v1/datasets/{id}/revisions", id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, revisions.getInt("count"), revisions.prettify());
        assertEquals(List.of("revised", "removed", "added"), List.of(change(revisions, "FI1B", "2024"),
                change(revisions, "FI1C", "2023"), change(revisions, "FI193", "2023")));

        // A release published at once while another waits under embargo shares none of the waiting one's versions
        // (row-level security hides those from the API role); cancelling the waiting one then changes nothing visible.
        long r5 = Embargoes.schedule(id, "geo,time,value\nFI1B,2023,100\nFI1B,2024,2\nFI19,2023,4\nFI193,2023,9\nFI197,2023,7\n",
                Instant.now().plus(Duration.ofDays(1)));
        long r6 = publish(id, "geo,time,value\nFI1B,2023,100\nFI1B,2024,2\nFI19,2023,4\nFI197,2023,7\n");
        Map<String, String> c6 = without(with(with(c4, "FI1B|2023", "100"), "FI197|2023", "7"), "FI193|2023");
        assertEquals(c6, served(id, r6));
        new Schedule(TestDatabase.get().owner()).cancel(r5, "withdrawn in a test");
        assertEquals(c6, served(id, r6));
        assertEquals(c4, served(id, r4));
        assertEquals(0L, owner("SELECT count(*) FROM published.observation WHERE first_release = :r", r5));

        // Cancelling the newest written release reopens what it closed: the next identical content writes nothing.
        long r7 = Embargoes.schedule(id, "geo,time,value\nFI1B,2023,5\n", Instant.now().plus(Duration.ofDays(1)));
        assertTrue(owner("SELECT count(*) FROM published.observation WHERE last_release = :r", r7) > 0);
        new Schedule(TestDatabase.get().owner()).cancel(r7, "withdrawn in a test");
        assertEquals(0L, owner("SELECT count(*) FROM published.observation WHERE last_release = :r", r7));
        long r8 = publish(id, "geo,time,value\nFI197,2023,7\nFI19,2023,4\nFI1B,2024,2\nFI1B,2023,100\n");
        assertEquals(List.of(0L, 0L), written(id, r8));
        assertEquals(c6, served(id, r8));
    }

    private static long publish(String id, String csv) throws Exception {
        return TestServer.publishLoad(id, Embargoes.load(id, csv));
    }

    private static String change(JsonPath revisions, String geo, String time) {
        for (Map<String, Object> r : revisions.<Map<String, Object>>getList("revisions")) {
            if (((Map<?, ?>) r.get("key")).get("geo").equals(geo) && r.get("time").equals(time)) return (String) r.get("change");
        }
        return "none";
    }
}
