package org.lmobservatory.releases;

import io.restassured.path.json.JsonPath;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the versioned-storage tests compare: a release's cells as the API serves them, and the versions it wrote. */
final class ReleaseCells {
    private ReleaseCells() {
    }

    /** The release's cells as the API serves them (release=), geo|time → value. */
    static Map<String, String> served(String id, long release) {
        JsonPath json = TestServer.given().queryParam("release", release).queryParam("limit", 1000)
                .get("/v1/datasets/{id}/observations", id).then().statusCode(200).extract().jsonPath();
        assertEquals(release, json.getLong("release.id"));
        Map<String, String> cells = new TreeMap<>();
        for (Map<String, Object> o : json.<Map<String, Object>>getList("observations")) {
            cells.put(o.get("geo") + "|" + o.get("time"), String.valueOf(o.get("value")));
        }
        return cells;
    }

    /** Versions the release inserted and closed. */
    static List<Long> written(String id, long release) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("""
                        SELECT count(*) FILTER (WHERE o.first_release = :r), count(*) FILTER (WHERE o.last_release = :r)
                        FROM published.observation o JOIN published.series s ON s.id = o.series_id WHERE s.dataset_id = :ds""")
                .bind("r", release).bind("ds", id).map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2))).one());
    }

    /** A count the owner reads, with the release bound to :r. */
    static long owner(String sql, long release) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery(sql).bind("r", release).mapTo(Long.class).one());
    }

    /** The cells with one more (or another value for one). */
    static Map<String, String> with(Map<String, String> cells, String key, String value) {
        Map<String, String> out = new TreeMap<>(cells);
        out.put(key, value);
        return out;
    }

    /** The cells without one. */
    static Map<String, String> without(Map<String, String> cells, String key) {
        Map<String, String> out = new TreeMap<>(cells);
        out.remove(key);
        return out;
    }
}
